package dev.handoff.sweep;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A finished cell written to JSON and read back is the same cell, every number to the last bit. */
class SweepCellJsonTest {

    private static SweepCellResult cell(double value, long seed, double... metrics) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < metrics.length; i++) {
            m.put("m" + i, metrics[i]);
        }
        return new SweepCellResult(new SweepCell(value, seed, "icq-tabular"), List.of(new SweepReading("icq-tabular", m)),
                1.25, "executor 3");
    }

    @Property(tries = 300)
    void everyDoubleRoundTripsBitForBit(@ForAll double value, @ForAll long seed, @ForAll double a, @ForAll double b)
            throws IOException {
        SweepCellResult r = cell(value, seed, a, b);
        SweepCellResult back = SweepCellJson.read(SweepCellJson.write(r));
        assertThat(back.cell()).isEqualTo(r.cell());
        assertThat(Double.doubleToRawLongBits(back.readings().get(0).metrics().get("m0"))).isEqualTo(Double.doubleToRawLongBits(a));
        assertThat(Double.doubleToRawLongBits(back.readings().get(0).metrics().get("m1"))).isEqualTo(Double.doubleToRawLongBits(b));
    }

    @Test
    void specialValuesAndMetricOrderSurvive() throws IOException {
        SweepCellResult r = cell(0.5, -7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
                Double.MIN_VALUE, 0.1 + 0.2);
        SweepCellResult back = SweepCellJson.read(SweepCellJson.writeString(r));
        assertThat(back.readings().get(0).metrics()).containsExactlyEntriesOf(r.readings().get(0).metrics());
        assertThat(Double.doubleToRawLongBits(back.readings().get(0).metrics().get("m3"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(back.seconds()).isEqualTo(1.25);
        assertThat(back.worker()).isEqualTo("executor 3");
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedWithAReason() {
        byte[] full = SweepCellJson.write(cell(1, 1, 2.0));
        byte[] half = java.util.Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(() -> SweepCellJson.read(half)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SweepCellJson.read("{\"format\":2,\"value\":1,\"seed\":1,\"algorithm\":\"a\",\"readings\":[],\"seconds\":0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("cell format 2");
        assertThatThrownBy(() -> SweepCellJson.read("{\"format\":1,\"value\":1,\"seed\":1,\"algorithm\":\"a\","
                + "\"readings\":[{\"policy\":\"a\",\"metrics\":{\"x\":null}}],\"seconds\":0}"))
                .isInstanceOf(IOException.class).hasMessageContaining("metric x of a is null");
    }
}
