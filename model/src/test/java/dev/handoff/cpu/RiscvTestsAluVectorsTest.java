package dev.handoff.cpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RiscvTestsAluVectorsTest {

    @Test
    void machinePassesAll514RiscvTestsAluVectors() throws IOException {
        List<String> rows = Files.readAllLines(TestData.cpuProgrammingDir().resolve("rv32i_alu_vectors.csv"));
        Machine machine = new Machine();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",");
            String op = f[3];
            int rs1 = (int) Long.parseLong(f[4].substring(2), 16);
            int expected = (int) Long.parseLong(f[6].substring(2), 16);
            String text;
            int a1 = 0;
            if (f[2].equals("R")) {
                a1 = (int) Long.parseLong(f[5].substring(2), 16);
                text = op + " a0, a0, a1";
            } else {
                text = op + " a0, a0, " + Integer.parseInt(f[5]);
            }
            Program program = Assembler.assemble(text);
            int got = machine.run(DecodedProgram.decode(program), rs1, a1, 0);
            checked++;
            if (got != expected || machine.lastStatus() != RunStatus.HALTED) {
                failures.add(row + " -> got 0x" + Integer.toHexString(got));
            }
        }
        assertThat(checked).isEqualTo(514);
        assertThat(failures).isEmpty();
    }
}
