package mcsweep.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link V2Bulk} with the Vector API, {@link DoubleVector#SPECIES_PREFERRED} lanes at a time (8 with
 * AVX-512): {@link Ln#ofUniform} and the threshold, lane by lane with the same {@code + - *} in the same
 * order as the scalar code, so every lane's bits equal the scalar result (Java arithmetic, vector or not,
 * is IEEE round-to-nearest per operation and never fused). Only loaded when {@link VectorSupport} allows.
 */
final class VectorBulk implements V2Bulk {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    // As many int lanes as D has double lanes: the table indices for the gathers.
    private static final VectorSpecies<Integer> I =
            VectorSpecies.of(int.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final double THIRD = 1.0 / 3; // the constant javac folds in Ln.ofUniform

    private final int[] index = new int[D.length()]; // gathers take their indices from an array

    @Override
    public void apply(double[] ds, double[] ws, int n, double h, double lo, double width, double halfInvBeta) {
        final int lanes = D.length();
        final int bound = D.loopBound(n);
        final int[] index = this.index;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector d = DoubleVector.fromArray(D, ds, i).mul(width).add(lo).mul(h);
            DoubleVector u = DoubleVector.fromArray(D, ws, i);
            LongVector bits = u.reinterpretAsLongs();
            // Ln.ofUniform, lane by lane.
            DoubleVector e = bits.lanewise(VectorOperators.LSHR, 52).or(Ln.EXPONENT_BIAS_BITS)
                    .reinterpretAsDoubles().sub(Ln.EXPONENT_OFFSET);
            bits.lanewise(VectorOperators.LSHR, 52 - Ln.TABLE_BITS).and(Ln.SIZE - 1)
                    .convertShape(VectorOperators.L2I, I, 0).reinterpretAsInts().intoArray(index, 0);
            DoubleVector inverse = DoubleVector.fromArray(D, Ln.INVERSE, 0, index, 0);
            DoubleVector logCentre = DoubleVector.fromArray(D, Ln.LOG_CENTRE, 0, index, 0);
            DoubleVector m = bits.and(Ln.FRACTION).or(Ln.ONE).reinterpretAsDoubles();
            DoubleVector r = m.mul(inverse).sub(1.0);
            DoubleVector p = r.mul(0.2).add(-0.25).mul(r).add(THIRD).mul(r).add(-0.5).mul(r).add(1.0).mul(r);
            DoubleVector ln = e.mul(Ln.LN2).add(logCentre).add(p);
            VectorMask<Double> zero = u.eq(0.0);
            ln = ln.blend(Double.NEGATIVE_INFINITY, zero);
            // w = E * halfInvBeta - 0.5 * (d * d), E = -ln.
            DoubleVector w = ln.neg().mul(halfInvBeta).sub(d.mul(d).mul(0.5));
            d.intoArray(ds, i);
            w.intoArray(ws, i);
        }
        V2Bulk.scalar(ds, ws, i, n, h, lo, width, halfInvBeta);
    }
}
