package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tasksEndingDrawNothingOnlyTheTickerDoes() {
        // 20,000 tiny tasks used to mean 20,000 redraws; now at most BAR_HZ per second
        Progress p = new Progress(Progress.Mode.BAR, err, 20_000, now::get, 100);
        for (int i = 0; i < 20_000; i++) {
            p.taskEnded(true);
        }
        assertThat(text()).isEmpty();
        p.tick();
        assertThat(text()).startsWith("\r\033[K[").contains("] 20000/20000 100%").endsWith("0 failed");
    }

    @Test
    void theStatusHasDoneTotalPercentRateElapsedEtaAndFailures() {
        Progress p = new Progress(Progress.Mode.BAR, err, 200, now::get, 100);
        for (int i = 0; i < 50; i++) {
            p.taskEnded(i % 10 != 0);
        }
        now.addAndGet(10_000_000_000L); // 10 s
        assertThat(p.status()).isEqualTo("50/200 25% 5.0 tasks/s elapsed 0:10 ETA 0:30 5 failed");
        assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void errorLinesGoAboveTheBarNotGluedToIt() {
        Progress p = new Progress(Progress.Mode.BAR, err, 10, now::get, 80);
        p.taskEnded(true);
        p.tick();
        p.println("mcsweep: task 3 failed: boom");
        String t = text();
        int bar = t.indexOf('[');
        int error = t.indexOf("mcsweep: task 3");
        assertThat(t.substring(bar, error)).endsWith("\r\033[K"); // the bar is erased, not appended to
        assertThat(t.substring(error)).startsWith("mcsweep: task 3 failed: boom" + System.lineSeparator() + "\r\033[K[");
        p.close();
        assertThat(text()).endsWith(System.lineSeparator());
    }

    @Test
    void withoutATerminalAPlainLineEveryFewSecondsAndNothingWhenQuiet() {
        Progress p = new Progress(Progress.Mode.PLAIN, err, 10, now::get, 80);
        p.taskEnded(true);
        p.tick();
        assertThat(text()).isEmpty();
        now.addAndGet(Progress.PLAIN_SECONDS * 1_000_000_000L);
        p.tick();
        p.tick();
        assertThat(text().lines()).containsExactly("mcsweep: 1/10 10% 0.2 tasks/s elapsed 0:05 ETA 0:45 0 failed");
        assertThat(text()).doesNotContain("\r");
        p.close();
        assertThat(text().lines()).hasSize(1);

        bytes.reset();
        Progress off = new Progress(Progress.Mode.OFF, err, 10, now::get, 80);
        off.taskEnded(false);
        now.addAndGet(60_000_000_000L);
        off.tick();
        off.close();
        assertThat(text()).isEmpty();
    }
}
