package dev.handoff.cpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BvOperatorTest {

    /** SMT-LIB 32-bit semantics of each operator (Bool as 0/1), for operands where RISC-V agrees. */
    private static int smt(BvOperator op, int a, int b) {
        return switch (op) {
            case BVAND, AND -> a & b;
            case BVOR, OR -> a | b;
            case BVXOR -> a ^ b;
            case BVADD -> a + b;
            case BVSUB -> a - b;
            case BVMUL -> a * b;
            case BVSHL -> a << b;
            case BVLSHR -> a >>> b;
            case BVASHR -> a >> b;
            case BVUDIV -> b == 0 ? -1 : Integer.divideUnsigned(a, b);
            case BVUREM -> b == 0 ? a : Integer.remainderUnsigned(a, b);
            case BVSDIV -> a / b;
            case BVSREM -> a % b;
            case BVNEG -> -a;
            case BVNOT -> ~a;
            case BVULT -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case BVULE -> Integer.compareUnsigned(a, b) <= 0 ? 1 : 0;
            case BVUGT -> Integer.compareUnsigned(a, b) > 0 ? 1 : 0;
            case BVUGE -> Integer.compareUnsigned(a, b) >= 0 ? 1 : 0;
            case BVSLT -> a < b ? 1 : 0;
            case BVSLE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
            case NOT -> a == 0 ? 1 : 0;
            case BVREDOR -> a != 0 ? 1 : 0;
        };
    }

    @Property(tries = 300)
    void operatorsComputeTheSmtLibSemantics(@ForAll int a, @ForAll int b, @ForAll @IntRange(min = 0, max = 31) int shift) {
        for (BvOperator op : BvOperator.values()) {
            int x = op.takesBool() ? a & 1 : a;
            int y = op.takesBool() ? b & 1 : b;
            if (op == BvOperator.BVSHL || op == BvOperator.BVLSHR || op == BvOperator.BVASHR) {
                y = shift; // SMT-LIB shifts by >= 32 give 0 (or the sign); RISC-V uses the low five bits
            }
            if ((op == BvOperator.BVSDIV || op == BvOperator.BVSREM) && y == 0) {
                y = 1; // SMT-LIB bvsdiv by 0 is 1 for a negative dividend; RISC-V div gives -1
            }
            assertThat(op.apply(x, y)).as(op.smtName() + " " + x + " " + y).isEqualTo(smt(op, x, y));
        }
    }

    @Test
    void everyOperatorIsEmittedAsCodeTheMachineRunsCorrectly() {
        Random random = new Random(42);
        int m = 40;
        int[] x = new int[m];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            x[i] = random.nextInt();
            y[i] = i % 5 == 0 ? x[i] : random.nextInt();
        }
        x[0] = 0;
        for (BvOperator op : BvOperator.values()) {
            if (op.takesBool()) {
                continue;
            }
            // register-register form: op(x, y); immediate form: op(x, c) with the constant as the second operand
            for (int c : new int[] {Integer.MIN_VALUE, 7, 2047, 0x12345}) {
                boolean withConstant = c != Integer.MIN_VALUE;
                int[] expected = new int[m];
                for (int i = 0; i < m; i++) {
                    expected[i] = op.apply(x[i], withConstant ? c : y[i]);
                }
                IoVectors v = new IoVectors(x, y, new int[m], expected);
                Grammar g = new Grammar(List.of(op), withConstant ? new int[] {c} : new int[0], withConstant ? 1 : 2);
                SynthesisResult r = new EnumerativeSynthesizer().synthesize(g, op.returnsBool(), v, v, 2, 10_000);
                assertThat(r.found()).as(op.smtName() + (withConstant ? " with " + c : "")).isTrue();
                assertThat(v.allPass(DecodedProgram.decode(r.program()), new Machine(), 100)).isTrue();
            }
        }
    }

    @Test
    void boolConnectivesWorkOnComparisons() {
        // not (x <u y) and (x <u y or x == y): the Bool operators need Bool operands.
        Random random = new Random(7);
        int m = 30;
        int[] x = new int[m];
        int[] y = new int[m];
        int[] notLess = new int[m];
        int[] lessOrEqual = new int[m];
        for (int i = 0; i < m; i++) {
            x[i] = random.nextInt(8);
            y[i] = random.nextInt(8);
            notLess[i] = Integer.compareUnsigned(x[i], y[i]) >= 0 ? 1 : 0;
            lessOrEqual[i] = Integer.compareUnsigned(x[i], y[i]) <= 0 ? 1 : 0;
        }
        IoVectors v1 = new IoVectors(x, y, new int[m], notLess);
        SynthesisResult r1 = new EnumerativeSynthesizer().synthesize(
            new Grammar(List.of(BvOperator.BVULT, BvOperator.NOT), new int[0], 2), true, v1, v1, 3, 1000);
        assertThat(r1.found()).isTrue();
        IoVectors v2 = new IoVectors(x, y, new int[m], lessOrEqual);
        SynthesisResult r2 = new EnumerativeSynthesizer().synthesize(
            new Grammar(List.of(BvOperator.BVULT, BvOperator.EQ, BvOperator.OR), new int[0], 2), true, v2, v2, 5, 10_000);
        assertThat(r2.found()).isTrue();
        assertThat(v2.allPass(DecodedProgram.decode(r2.program()), new Machine(), 100)).isTrue();
    }
}
