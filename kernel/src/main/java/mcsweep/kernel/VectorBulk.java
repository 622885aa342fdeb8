package mcsweep.kernel;

import java.util.random.RandomGenerator;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link V2Bulk} with the Vector API, {@link DoubleVector#SPECIES_PREFERRED} lanes at a time (8 with
 * AVX-512): {@link Ln#ofUniform} and the threshold, lane by lane with the same {@code + - *} in the same
 * order as the scalar code, so every lane's bits equal the scalar result (Java arithmetic, vector or not,
 * is IEEE round-to-nearest per operation and never fused). Only loaded when {@link VectorSupport} allows.
 */
final class VectorBulk implements V2Bulk {

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final double THIRD = 1.0 / 3; // the constant javac folds in Ln.ofUniform

    // Each step's two table entries for ln(U2), looked up while drawing: vector gathers (fromArray with an
    // index map) measured slower than the whole scalar pass here (microcode mitigations make them slow on
    // many Intel CPUs), and a separate scalar lookup loop cost more than lookups hidden among the draws.
    private double[] inverses = new double[0];
    private double[] logCentres = new double[0];

    @Override
    public void draw(RandomGenerator rng, double[] ds, double[] ws, int n) {
        if (inverses.length < n) {
            inverses = new double[n];
            logCentres = new double[n];
        }
        final double[] inverses = this.inverses;
        final double[] logCentres = this.logCentres;
        for (int i = 0; i < n; i++) {
            ds[i] = rng.nextDouble();
            final double u = rng.nextDouble();
            ws[i] = u;
            final int j = (int) (Double.doubleToRawLongBits(u) >>> (52 - Ln.TABLE_BITS)) & (Ln.SIZE - 1);
            inverses[i] = Ln.INVERSE[j];
            logCentres[i] = Ln.LOG_CENTRE[j];
        }
    }

    @Override
    public void apply(double[] ds, double[] ws, int n, double h, double lo, double width, double halfInvBeta) {
        final int lanes = D.length();
        final int bound = D.loopBound(n);
        final double[] inverses = this.inverses;
        final double[] logCentres = this.logCentres;
        int i = 0;
        for (; i < bound; i += lanes) {
            DoubleVector d = DoubleVector.fromArray(D, ds, i).mul(width).add(lo).mul(h);
            DoubleVector u = DoubleVector.fromArray(D, ws, i);
            LongVector bits = u.reinterpretAsLongs();
            // Ln.ofUniform, lane by lane.
            DoubleVector e = bits.lanewise(VectorOperators.LSHR, 52).or(Ln.EXPONENT_BIAS_BITS)
                    .reinterpretAsDoubles().sub(Ln.EXPONENT_OFFSET);
            DoubleVector inverse = DoubleVector.fromArray(D, inverses, i);
            DoubleVector logCentre = DoubleVector.fromArray(D, logCentres, i);
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
