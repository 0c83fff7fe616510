package dev.handoff.components;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The linearised neural class's eigen-decomposition ({@link SymmetricEigen}, cyclic Jacobi) against EJML's symmetric
 * eigen-decomposition (tridiagonal QR), on Gram matrices X·Xᵀ of the sizes the error-component analysis builds (a few
 * dozen to a few hundred rows). In the package of {@code SymmetricEigen}, which is package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SymmetricEigenBenchmark {
    @Param({"64", "256"})
    public int n;

    private double[][] gram;
    private DMatrixRMaj ejmlGram;
    private EigenDecomposition_F64<DMatrixRMaj> eig;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom rng = new SplittableRandom(11);
        int features = n + 16;
        double[][] x = new double[n][features];
        for (double[] row : x) {
            for (int j = 0; j < features; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        gram = new double[n][n];
        ejmlGram = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < features; k++) {
                    s += x[i][k] * x[j][k];
                }
                gram[i][j] = s;
                ejmlGram.set(i, j, s);
            }
        }
        eig = DecompositionFactory_DDRM.eig(n, true, true);
    }

    @Benchmark
    public SymmetricEigen jacobiOurs() {
        return SymmetricEigen.of(gram);
    }

    @Benchmark
    public EigenDecomposition_F64<DMatrixRMaj> symmetricEjml() {
        if (!eig.decompose(ejmlGram.copy())) {
            throw new IllegalStateException("no decomposition");
        }
        return eig;
    }
}
