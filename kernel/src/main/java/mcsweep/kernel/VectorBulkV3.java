package mcsweep.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link V3Bulk} with the Vector API, {@link DoubleVector#SPECIES_PREFERRED} lanes at a time (8 with
 * AVX-512): {@link Ln#exponential32} and the threshold lane by lane, with the same operations in the same
 * order as the scalar code, so every lane's bits equal the scalar result (Java arithmetic, vector or not, is
 * IEEE round-to-nearest per operation and never fused; conversions of these integers are exact). Only loaded
 * when {@link VectorSupport} allows.
 */
final class VectorBulkV3 implements V3Bulk {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;

    @Override
    public void apply(long[] rs, double[] ds, double[] ws, double[] js, int n, double step, double halfInvBeta) {
        if (L.length() != D.length()) { // never on the usual CPUs; the scalar pass gives the same bits
            V3Bulk.scalar(rs, ds, ws, js, 0, n, step, halfInvBeta);
            return;
        }
        final int bound = D.loopBound(n);
        int i = 0;
        for (; i < bound; i += D.length()) {
            LongVector r = LongVector.fromArray(L, rs, i);
            DoubleVector d = r.lanewise(VectorOperators.ASHR, 32).convert(VectorOperators.L2D, 0)
                    .reinterpretAsDoubles().mul(step);
            // Ln.exponential32, lane by lane.
            DoubleVector u = r.and(0xFFFF_FFFFL).convert(VectorOperators.L2D, 0).reinterpretAsDoubles()
                    .add(0.5).mul(0x1p-32);
            LongVector ix = u.reinterpretAsLongs();
            LongVector t = ix.sub(Ln.SQRT_HALF_BITS);
            DoubleVector j = t.lanewise(VectorOperators.ASHR, 52).convert(VectorOperators.L2D, 0)
                    .reinterpretAsDoubles();
            DoubleVector z = ix.sub(t.and(Ln.EXPONENT_MASK)).reinterpretAsDoubles();
            DoubleVector f = z.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector s4 = s2.mul(s2);
            DoubleVector odd = s4.mul(s4.mul(s4.mul(Ln.LG6).add(Ln.LG4)).add(Ln.LG2));
            DoubleVector even = s2.mul(s4.mul(s4.mul(s4.mul(Ln.LG7).add(Ln.LG5)).add(Ln.LG3)).add(Ln.LG1));
            DoubleVector rr = even.add(odd);
            DoubleVector hfsq = f.mul(0.5).mul(f);
            DoubleVector e = hfsq.sub(s.mul(hfsq.add(rr)).add(j.mul(Ln.LN2_LO))).sub(f).sub(j.mul(Ln.LN2_HI));
            // w = E * halfInvBeta - 0.5 * (d * d).
            DoubleVector w = e.mul(halfInvBeta).sub(d.mul(d).mul(0.5));
            d.intoArray(ds, i);
            w.intoArray(ws, i);
        }
        V3Bulk.scalar(rs, ds, ws, js, i, n, step, halfInvBeta);
    }
}
