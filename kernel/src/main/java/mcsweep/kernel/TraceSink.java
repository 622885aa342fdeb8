package mcsweep.kernel;

import java.io.IOException;
import java.util.List;

/**
 * Where a kernel's trace goes. A kernel calls {@link #begin} once, then {@link #write} once per filled
 * block. The sink must copy or encode what it needs before returning: the kernel reuses the block's arrays.
 * Closing the underlying file is the caller's job, not the kernel's.
 */
public interface TraceSink {

    /** A sink that keeps nothing: for benchmarks and for sweeps that want summaries only. */
    TraceSink NONE = new TraceSink() {
        @Override
        public void begin(List<Column> columns) {
        }

        @Override
        public void write(Block block) {
        }
    };

    /** Called once, before any block, with the trace's columns. */
    void begin(List<Column> columns) throws IOException;

    /** Called for each block of rows, in order. */
    void write(Block block) throws IOException;
}
