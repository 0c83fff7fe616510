package dev.handoff.cpu;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MachineTest {
    private final Machine machine = new Machine();

    private int run(String text, int a0, int a1) {
        return machine.run(DecodedProgram.decode(Assembler.assemble(text)), a0, a1, 0);
    }

    @Test
    void divisionByZeroGivesTheSpecResults() {
        assertThat(run("div a0, a0, a1", 7, 0)).isEqualTo(-1);
        assertThat(run("div a0, a0, a1", -7, 0)).isEqualTo(-1);
        assertThat(run("divu a0, a0, a1", 7, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(run("rem a0, a0, a1", -7, 0)).isEqualTo(-7);
        assertThat(run("remu a0, a0, a1", 0x80000001, 0)).isEqualTo(0x80000001);
    }

    @Test
    void signedDivisionOverflowGivesTheSpecResults() {
        assertThat(run("div a0, a0, a1", Integer.MIN_VALUE, -1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(run("rem a0, a0, a1", Integer.MIN_VALUE, -1)).isZero();
    }

    @Test
    void highMultipliesTreatSignsAsTheSpecSays() {
        assertThat(run("mulh a0, a0, a1", -1, -1)).isZero();
        assertThat(run("mulhu a0, a0, a1", -1, -1)).isEqualTo(0xFFFFFFFE);
        assertThat(run("mulhsu a0, a0, a1", -1, -1)).isEqualTo(-1);
        assertThat(run("mulhsu a0, a0, a1", Integer.MIN_VALUE, 2)).isEqualTo(-1);
        assertThat(run("mul a0, a0, a1", 0x10000, 0x10000)).isZero();
    }

    @Property(tries = 300)
    void mExtensionMatchesBigIntegerArithmetic(@ForAll int a, @ForAll int b) {
        BigInteger sa = BigInteger.valueOf(a);
        BigInteger sb = BigInteger.valueOf(b);
        BigInteger ua = BigInteger.valueOf(a & 0xFFFFFFFFL);
        BigInteger ub = BigInteger.valueOf(b & 0xFFFFFFFFL);
        assertThat(run("mul a0, a0, a1", a, b)).isEqualTo(sa.multiply(sb).intValue());
        assertThat(run("mulh a0, a0, a1", a, b)).isEqualTo(sa.multiply(sb).shiftRight(32).intValue());
        assertThat(run("mulhsu a0, a0, a1", a, b)).isEqualTo(sa.multiply(ub).shiftRight(32).intValue());
        assertThat(run("mulhu a0, a0, a1", a, b)).isEqualTo(ua.multiply(ub).shiftRight(32).intValue());
        if (b != 0 && !(a == Integer.MIN_VALUE && b == -1)) {
            assertThat(run("div a0, a0, a1", a, b)).isEqualTo(sa.divide(sb).intValue());
            assertThat(run("rem a0, a0, a1", a, b)).isEqualTo(sa.remainder(sb).intValue());
        }
        if (b != 0) {
            assertThat(run("divu a0, a0, a1", a, b)).isEqualTo(ua.divide(ub).intValue());
            assertThat(run("remu a0, a0, a1", a, b)).isEqualTo(ua.remainder(ub).intValue());
        }
    }

    @Test
    void loopWithBranchesCountsOneBits() {
        String popcount = """
            # count the 1 bits of a0
                li t0, 0
            loop:
                beqz a0, done
                andi t1, a0, 1
                add t0, t0, t1
                srli a0, a0, 1
                j loop
            done:
                mv a0, t0
            """;
        DecodedProgram p = DecodedProgram.decode(Assembler.assemble(popcount));
        for (int x : new int[] {0, 1, 0xFF, 0x80000000, -1, 0x12345678}) {
            assertThat(machine.run(p, x, 0, 0)).isEqualTo(Integer.bitCount(x));
            assertThat(machine.lastStatus()).isEqualTo(RunStatus.HALTED);
        }
        assertThat(machine.run(p, -1, 0, 0)).isEqualTo(32);
        assertThat(machine.lastSteps()).isEqualTo(1 + 32 * 5 + 1 + 1);
    }

    @Test
    void eachBranchComparesSignedOrUnsignedAsNamed() {
        String[][] cases = {{"blt", "1", "0"}, {"bltu", "0", "1"}, {"bge", "0", "1"}, {"bgeu", "1", "0"}};
        for (String[] c : cases) {
            String text = c[0] + " a0, a1, yes\n li a0, 0\n j end\nyes: li a0, 1\nend:\n";
            assertThat(run(text, -1, 1)).as(c[0] + " -1, 1").isEqualTo(Integer.parseInt(c[1]));
            assertThat(run(text, 1, -1)).as(c[0] + " 1, -1").isEqualTo(Integer.parseInt(c[2]));
        }
        String beq = "beq a0, a1, yes\n li a0, 0\n ret\nyes: li a0, 1\n";
        assertThat(run(beq, 5, 5)).isEqualTo(1);
        assertThat(run(beq, 5, 6)).isZero();
        String bne = "bne a0, a1, yes\n li a0, 0\n ret\nyes: li a0, 1\n";
        assertThat(run(bne, 5, 6)).isEqualTo(1);
    }

    @Test
    void jalAndRetCallASubroutine() {
        String text = """
                jal ra, twice
                addi a0, a0, 1
                j end
            twice:
                add a0, a0, a0
                ret
            end:
            """;
        assertThat(run(text, 20, 0)).isEqualTo(41);
        assertThat(machine.lastStatus()).isEqualTo(RunStatus.HALTED);
    }

    @Test
    void stepLimitStopsAnEndlessLoop() {
        DecodedProgram p = DecodedProgram.decode(Assembler.assemble("loop: addi a0, a0, 1\n j loop"));
        int a0 = machine.run(p, 0, 0, 0, 1001);
        assertThat(machine.lastStatus()).isEqualTo(RunStatus.STEP_LIMIT);
        assertThat(machine.lastSteps()).isEqualTo(1001);
        assertThat(a0).isEqualTo(501);
    }

    @Test
    void jumpsOutsideTheProgramOrMisalignedAreReported() {
        run("beq zero, zero, 400", 0, 0);
        assertThat(machine.lastStatus()).isEqualTo(RunStatus.BAD_JUMP);
        run("jalr zero, 2(zero)", 0, 0);
        assertThat(machine.lastStatus()).isEqualTo(RunStatus.BAD_JUMP);
        run("j -4", 0, 0);
        assertThat(machine.lastStatus()).isEqualTo(RunStatus.BAD_JUMP);
    }

    @Test
    void registerZeroIgnoresWrites() {
        assertThat(run("addi zero, zero, 5\n mv a0, zero", 9, 0)).isZero();
    }

    @Test
    void upperImmediatesAndLargeConstantsLoad() {
        assertThat(run("lui a0, 0x12345\n addi a0, a0, 0x678", 0, 0)).isEqualTo(0x12345678);
        assertThat(run("nop\n auipc a0, 1", 0, 0)).isEqualTo(4 + 4096);
        assertThat(run("li a0, 0xdeadbeef", 0, 0)).isEqualTo(0xdeadbeef);
        assertThat(run("li a0, -2049", 0, 0)).isEqualTo(-2049);
        assertThat(run("li a0, 0x7ffff800", 0, 0)).isEqualTo(0x7ffff800);
        assertThat(run("li a0, 0x80000000", 0, 0)).isEqualTo(0x80000000);
    }

    @Test
    void argumentsArriveInA0ToA2() {
        assertThat(run("add a0, a0, a1\n sub a0, a0, a2", 1, 2)).isEqualTo(3);
        assertThat(machine.run(DecodedProgram.decode(Assembler.assemble("add a0, a1, a2")), 0, 30, 12)).isEqualTo(42);
    }
}
