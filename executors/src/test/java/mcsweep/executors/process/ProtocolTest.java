package mcsweep.executors.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import mcsweep.executors.Task;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Summary;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    /** Values whose text forms are easy to get wrong: they must cross bit for bit. */
    private static final double[] AWKWARD = {-0.0, 0.1, 1e-5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
            Double.longBitsToDouble(0x7ff8000000000123L), Double.NEGATIVE_INFINITY, Math.nextUp(1.0)};

    private static final Task TASK = new Task(17, "metropolis", AWKWARD, 123_456_789_012L, 3, -42L,
            "Xoroshiro128PlusPlus", Path.of("/tmp/some dir/b1.0_m2.0.csv"), Scheme.V1); // not the default scheme

    private static final Summary SUMMARY = new Summary(
            Arrays.stream(AWKWARD).mapToObj(v -> "v" + Double.doubleToRawLongBits(v)).toList(), AWKWARD);

    @Test
    void taskFramesRoundTripBitForBit() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Protocol.Writer w = new Protocol.Writer(new DataOutputStream(bytes));
        w.task(TASK);
        w.task(new Task(0, "k", new double[0], 0, 0, 0, "L64X128MixRandom", null));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        Task back = Protocol.readTask(in);
        assertThat(back).isEqualTo(TASK);
        assertThat(Arrays.stream(back.params()).mapToLong(Double::doubleToRawLongBits).toArray())
                .isEqualTo(Arrays.stream(AWKWARD).mapToLong(Double::doubleToRawLongBits).toArray());
        Task second = Protocol.readTask(in);
        assertThat(second.output()).isNull();
        assertThat(second.scheme()).isEqualTo(Scheme.DEFAULT);
        assertThat(Protocol.readTask(in)).isNull(); // clean end of stream
    }

    @Test
    void everySchemeReachesTheWorker() throws IOException {
        for (Scheme scheme : Scheme.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new Protocol.Writer(new DataOutputStream(bytes)).task(TASK.withScheme(scheme));
            Task back = Protocol.readTask(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertThat(back.scheme()).isEqualTo(scheme);
        }
    }

    @Test
    void replyFramesCarrySummariesAndErrors() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Protocol.Writer w = new Protocol.Writer(new DataOutputStream(bytes));
        w.ready(99);
        w.ok(17, SUMMARY);
        w.error(18, "IllegalStateException: no");
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

        assertThat(Protocol.readReply(in, true).pid()).isEqualTo(99);
        Protocol.Reply ok = Protocol.readReply(in, false);
        assertThat(ok.index()).isEqualTo(17);
        assertThat(ok.summary()).isEqualTo(SUMMARY);
        Protocol.Reply error = Protocol.readReply(in, false);
        assertThat(error.type()).isEqualTo(Protocol.ERROR);
        assertThat(error.error()).isEqualTo("IllegalStateException: no");
        assertThatThrownBy(() -> Protocol.readReply(in, false)).isInstanceOf(EOFException.class);
    }

    @Test
    void strayOutputBeforeAFrameIsAnErrorThatShowsIt() {
        byte[] stray = "Hello, world!\n".getBytes(StandardCharsets.UTF_8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(stray));
        assertThatThrownBy(() -> Protocol.readReply(in, false))
                .isInstanceOf(Protocol.ProtocolException.class)
                .hasMessageContaining("Hello, world!\\n");
    }

    @Test
    void aFrameCutShortIsEndOfStreamNotGarbage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Protocol.Writer(new DataOutputStream(bytes)).ok(1, SUMMARY);
        byte[] cut = Arrays.copyOf(bytes.toByteArray(), bytes.size() - 5);
        assertThatThrownBy(() -> Protocol.readReply(new DataInputStream(new ByteArrayInputStream(cut)), false))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void commandLineAndReplyLineRoundTripBitForBit() throws IOException {
        assertThat(Protocol.parseTaskArgs(Protocol.taskArgs(TASK))).isEqualTo(TASK);
        Protocol.Reply r = Protocol.parseLine(Protocol.okLine(17, SUMMARY) + "\n", 17);
        assertThat(r.summary()).isEqualTo(SUMMARY);
        assertThat(Protocol.parseLine(Protocol.errorLine(17, "two\nlines") + "\n", 17).error())
                .isEqualTo("two\\nlines");
    }

    @Test
    void aReplyLineMustBeAloneAndForTheRightTask() {
        String ok = Protocol.okLine(17, SUMMARY);
        for (String bad : List.of("hello\n" + ok + "\n", ok + "\nmore\n", Protocol.okLine(16, SUMMARY), "", "ok")) {
            assertThatThrownBy(() -> Protocol.parseLine(bad, 17))
                    .as(bad).isInstanceOf(Protocol.ProtocolException.class).hasMessageContaining("stdout");
        }
    }
}
