package dev.handoff.cpu;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class MachineAllocationTest {

    @Test
    void runningADecodedProgramAllocatesNothing() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Machine machine = new Machine();
        DecodedProgram p = DecodedProgram.decode(Assembler.assemble(
            "li t0, 0\nloop: beqz a0, done\n andi t1, a0, 1\n add t0, t0, t1\n srli a0, a0, 1\n j loop\ndone: mv a0, t0"));
        int acc = 0;
        for (int i = 0; i < 20_000; i++) { // warm up so the JIT has compiled the loop
            acc += machine.run(p, i, 0, 0);
        }
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            acc += machine.run(p, i * 31, 0, 0);
        }
        long allocated = bean.getThreadAllocatedBytes(thread) - before;
        assertThat(acc).isNotZero();
        assertThat(allocated).as("bytes allocated by 100,000 runs").isLessThan(10_000);
    }
}
