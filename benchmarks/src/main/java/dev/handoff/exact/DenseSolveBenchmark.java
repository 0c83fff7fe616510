package dev.handoff.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
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
 * The exact solver's dense kernels against EJML's (issue 14.5: replace them only if EJML is as fast): Gaussian
 * elimination with partial pivoting ({@link DenseMatrix#solve}, the policy evaluation's (I − P_γ)·v = r) against EJML's
 * LU solver, and the row-restricted product {@link DenseMatrix#multiplyRows} (the mixing-time powers, all rows here)
 * against {@code CommonOps_DDRM.mult}. Matrices: the size of synthetic-gap's joint model (360 states) and larger, a
 * sparse row-stochastic P (a few successors per state, as the models have) with γ = 0.95. In the package of the
 * kernels, which are package-private.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DenseSolveBenchmark {
    @Param({"360", "1000"})
    public int n;

    private double[] system;
    private double[] rhs;
    private double[] work;
    private double[] workRhs;
    private DMatrixRMaj ejmlSystem;
    private DMatrixRMaj ejmlRhs;
    private DMatrixRMaj ejmlX;
    private LinearSolverDense<DMatrixRMaj> lu;
    private double[] p;
    private double[] product;
    private int[] allRows;
    private DMatrixRMaj ejmlP;
    private DMatrixRMaj ejmlProduct;

    @Setup(Level.Trial)
    public void build() {
        SplittableRandom rng = new SplittableRandom(7);
        p = new double[n * n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int successors = 2 + rng.nextInt(6);
            for (int s = 0; s < successors; s++) {
                double w = rng.nextDouble();
                p[i * n + rng.nextInt(n)] += w;
                sum += w;
            }
            for (int j = 0; j < n; j++) {
                p[i * n + j] /= sum;
            }
        }
        system = new double[n * n];
        rhs = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                system[i * n + j] = (i == j ? 1 : 0) - 0.95 * p[i * n + j];
            }
            rhs[i] = rng.nextDouble();
        }
        work = new double[n * n];
        workRhs = new double[n];
        ejmlSystem = new DMatrixRMaj(n, n);
        ejmlRhs = new DMatrixRMaj(n, 1);
        ejmlX = new DMatrixRMaj(n, 1);
        lu = LinearSolverFactory_DDRM.lu(n);
        product = new double[n * n];
        allRows = new int[n];
        for (int i = 0; i < n; i++) {
            allRows[i] = i;
        }
        ejmlP = DMatrixRMaj.wrap(n, n, p);
        ejmlProduct = new DMatrixRMaj(n, n);
    }

    @Benchmark
    public double[] solveOurs() {
        System.arraycopy(system, 0, work, 0, work.length);
        System.arraycopy(rhs, 0, workRhs, 0, n);
        return DenseMatrix.solve(work, workRhs, n);
    }

    @Benchmark
    public DMatrixRMaj solveEjmlLu() {
        System.arraycopy(system, 0, ejmlSystem.data, 0, system.length);
        System.arraycopy(rhs, 0, ejmlRhs.data, 0, n);
        if (!lu.setA(ejmlSystem)) {
            throw new IllegalStateException("singular");
        }
        lu.solve(ejmlRhs, ejmlX);
        return ejmlX;
    }

    @Benchmark
    public double[] multiplyOurs() {
        DenseMatrix.multiplyRows(p, n, p, n, product, allRows, n);
        return product;
    }

    @Benchmark
    public DMatrixRMaj multiplyEjml() {
        org.ejml.dense.row.CommonOps_DDRM.mult(ejmlP, ejmlP, ejmlProduct);
        return ejmlProduct;
    }
}
