package mcsweep.executors.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import mcsweep.executors.Task;
import mcsweep.kernel.Scheme;
import mcsweep.kernel.Summary;

/**
 * What the parent and its worker JVMs say to each other. Only names, numbers and paths cross the process
 * boundary; doubles always travel as their raw bits, so a summary arrives bit for bit as it was computed.
 *
 * <p><b>Pool frames</b> (stdin/stdout of a {@code --serve} worker): {@code int MAGIC, byte type, int length,
 * length bytes of payload}, written with {@link DataOutputStream}. Types: {@link #TASK} (parent to worker:
 * index, kernel, params, iterations, replica, seed, rng, output path or empty, scheme), {@link #READY} (worker's
 * first frame: its pid), {@link #OK} (index, then name and raw bits of each summary value) and
 * {@link #ERROR} (index, one line). The magic number on every frame is what turns a worker that prints to
 * its stdout into a clear error instead of a hang or a misread.
 *
 * <p><b>Process command line</b> ({@code --task}): {@code index kernel iterations replica seed rng output
 * scheme param-bits...} with doubles as hexadecimal raw bits; the reply is one line on stdout,
 * {@code ok index name=bits ...} or {@code error index message}.
 */
final class Protocol {

    /** "MCSW": the first four bytes of every frame. */
    static final int MAGIC = 0x4D435357;
    static final byte TASK = 1;
    static final byte READY = 2;
    static final byte OK = 3;
    static final byte ERROR = 4;
    /** Frames are small; anything bigger is a stream out of step. */
    static final int MAX_FRAME = 1 << 20;

    private Protocol() {
    }

    /** The stream did not hold a well-formed frame: someone else wrote to it, or a frame was cut short. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }

    /** A worker's reply: {@code summary} on success, {@code error} otherwise. */
    record Reply(byte type, int index, Summary summary, String error, long pid) {
    }

    // ---- frames ----

    /** Encodes frames into a reusable buffer, so that each frame is one write to the pipe. */
    static final class Writer {
        private final DataOutputStream out;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        private final DataOutputStream payload = new DataOutputStream(bytes);

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void task(Task t) throws IOException {
            payload.writeInt(t.index());
            payload.writeUTF(t.kernel());
            double[] p = t.params();
            payload.writeInt(p.length);
            for (double v : p) {
                payload.writeLong(Double.doubleToRawLongBits(v));
            }
            payload.writeLong(t.iterations());
            payload.writeInt(t.replica());
            payload.writeLong(t.seed());
            payload.writeUTF(t.rng());
            payload.writeUTF(t.output() == null ? "" : t.output().toAbsolutePath().toString());
            payload.writeUTF(t.scheme().id());
            send(TASK);
        }

        void ready(long pid) throws IOException {
            payload.writeLong(pid);
            send(READY);
        }

        void ok(int index, Summary s) throws IOException {
            payload.writeInt(index);
            payload.writeInt(s.names().size());
            for (int i = 0; i < s.names().size(); i++) {
                payload.writeUTF(s.names().get(i));
                payload.writeLong(Double.doubleToRawLongBits(s.value(i)));
            }
            send(OK);
        }

        void error(int index, String line) throws IOException {
            payload.writeInt(index);
            payload.writeUTF(truncate(line, 8000));
            send(ERROR);
        }

        private void send(byte type) throws IOException {
            out.writeInt(MAGIC);
            out.writeByte(type);
            out.writeInt(bytes.size());
            bytes.writeTo(out);
            bytes.reset();
            out.flush();
        }
    }

    /** The bytes {@link Writer#task} writes for {@code t}, header included. */
    static int taskFrameSize(Task t) {
        return 4 + 1 + 4 // magic, type, length
                + 4 + utfSize(t.kernel()) + 4 + 8 * t.params().length + 8 + 4 + 8 + utfSize(t.rng())
                + utfSize(t.output() == null ? "" : t.output().toAbsolutePath().toString());
    }

    /** Bytes of {@link DataOutputStream#writeUTF}: a length, then modified UTF-8. */
    private static int utfSize(String s) {
        int n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        return n;
    }

    private record Frame(byte type, DataInputStream payload) {
    }

    /**
     * Reads one frame's header and payload.
     *
     * @return the frame, or {@code null} at a clean end of stream
     */
    private static Frame frame(DataInputStream in, byte expected1, byte expected2) throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        byte[] head = new byte[9];
        head[0] = (byte) b0;
        int got = 1 + in.readNBytes(head, 1, 8);
        int magic = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        if (got < 9 || magic != MAGIC) {
            throw garbage(head, got, in);
        }
        byte type = head[4];
        int length = ((head[5] & 0xFF) << 24) | ((head[6] & 0xFF) << 16) | ((head[7] & 0xFF) << 8) | (head[8] & 0xFF);
        if ((type != expected1 && type != expected2) || length < 0 || length > MAX_FRAME) {
            throw garbage(head, got, in);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("frame cut short");
        }
        return new Frame(type, new DataInputStream(new ByteArrayInputStream(body)));
    }

    /** Says what was on the stream instead of a frame, as text, so that the user sees the stray output. */
    private static ProtocolException garbage(byte[] head, int got, InputStream in) throws IOException {
        byte[] more = new byte[Math.min(200, Math.max(0, in.available()))];
        int n = Math.max(0, in.readNBytes(more, 0, more.length));
        String seen = new String(head, 0, got, StandardCharsets.ISO_8859_1)
                + new String(more, 0, n, StandardCharsets.ISO_8859_1);
        return new ProtocolException("worker wrote something other than a protocol frame to its stdout: '"
                + printable(truncate(seen, 120)) + "'");
    }

    /** Reads a task frame, or returns {@code null} at end of stream (the parent is done or gone). */
    static Task readTask(DataInputStream in) throws IOException {
        Frame f = frame(in, TASK, TASK);
        if (f == null) {
            return null;
        }
        DataInputStream p = f.payload();
        int index = p.readInt();
        String kernel = p.readUTF();
        double[] params = new double[p.readInt()];
        for (int i = 0; i < params.length; i++) {
            params[i] = Double.longBitsToDouble(p.readLong());
        }
        long iterations = p.readLong();
        int replica = p.readInt();
        long seed = p.readLong();
        String rng = p.readUTF();
        String output = p.readUTF();
        Scheme scheme = Scheme.parse(p.readUTF());
        return new Task(index, kernel, params, iterations, replica, seed, rng,
                output.isEmpty() ? null : Path.of(output), scheme);
    }

    /**
     * Reads a worker's reply: {@link #READY}, {@link #OK} or {@link #ERROR}.
     *
     * @throws EOFException       if the worker's stdout ended (it died or was killed)
     * @throws ProtocolException  if the stream held something other than a frame
     */
    static Reply readReply(DataInputStream in, boolean ready) throws IOException {
        Frame f = ready ? frame(in, READY, READY) : frame(in, OK, ERROR);
        if (f == null) {
            throw new EOFException("worker's stdout ended");
        }
        DataInputStream p = f.payload();
        switch (f.type()) {
            case READY:
                return new Reply(READY, -1, null, null, p.readLong());
            case ERROR:
                return new Reply(ERROR, p.readInt(), null, p.readUTF(), -1);
            default:
                int index = p.readInt();
                int n = p.readInt();
                List<String> names = new ArrayList<>(n);
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    names.add(p.readUTF());
                    values[i] = Double.longBitsToDouble(p.readLong());
                }
                return new Reply(OK, index, new Summary(names, values), null, -1);
        }
    }

    // ---- command line and reply line of the process executor ----

    /** The worker's arguments after {@code --task}. */
    static List<String> taskArgs(Task t) {
        List<String> a = new ArrayList<>();
        a.add(Integer.toString(t.index()));
        a.add(t.kernel());
        a.add(Long.toString(t.iterations()));
        a.add(Integer.toString(t.replica()));
        a.add(Long.toString(t.seed()));
        a.add(t.rng());
        a.add(t.output() == null ? "" : t.output().toAbsolutePath().toString());
        a.add(t.scheme().id());
        for (double v : t.params()) {
            a.add(Long.toHexString(Double.doubleToRawLongBits(v)));
        }
        return a;
    }

    /** Inverse of {@link #taskArgs}. */
    static Task parseTaskArgs(List<String> a) {
        if (a.size() < 8) {
            throw new IllegalArgumentException(
                    "expected index kernel iterations replica seed rng output scheme params...");
        }
        double[] params = new double[a.size() - 8];
        for (int i = 0; i < params.length; i++) {
            params[i] = Double.longBitsToDouble(Long.parseUnsignedLong(a.get(8 + i), 16));
        }
        return new Task(Integer.parseInt(a.get(0)), a.get(1), params, Long.parseLong(a.get(2)),
                Integer.parseInt(a.get(3)), Long.parseLong(a.get(4)), a.get(5),
                a.get(6).isEmpty() ? null : Path.of(a.get(6)), Scheme.parse(a.get(7)));
    }

    /** {@code ok index name=hexbits ...}: one line, machine-readable, exact. */
    static String okLine(int index, Summary s) {
        StringBuilder b = new StringBuilder(32 + 32 * s.names().size()).append("ok ").append(index);
        for (int i = 0; i < s.names().size(); i++) {
            b.append(' ').append(s.names().get(i)).append('=')
                    .append(Long.toHexString(Double.doubleToRawLongBits(s.value(i))));
        }
        return b.toString();
    }

    static String errorLine(int index, String message) {
        return "error " + index + " " + printable(truncate(message, 8000));
    }

    /**
     * Parses the reply line of a {@code --task} worker.
     *
     * @throws ProtocolException if it is not exactly one {@code ok} or {@code error} line for {@code index}
     */
    static Reply parseLine(String stdout, int index) throws ProtocolException {
        String line = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        String prefixOk = "ok " + index;
        String prefixError = "error " + index + " ";
        try {
            if (line.indexOf('\n') < 0 && (line.equals(prefixOk) || line.startsWith(prefixOk + " "))) {
                String[] parts = line.substring(prefixOk.length()).trim().split(" ");
                List<String> names = new ArrayList<>();
                double[] values = new double[parts[0].isEmpty() ? 0 : parts.length];
                for (int i = 0; i < values.length; i++) {
                    int eq = parts[i].lastIndexOf('=');
                    names.add(parts[i].substring(0, eq));
                    values[i] = Double.longBitsToDouble(Long.parseUnsignedLong(parts[i].substring(eq + 1), 16));
                }
                return new Reply(OK, index, new Summary(names, values), null, -1);
            }
            if (line.indexOf('\n') < 0 && line.startsWith(prefixError)) {
                return new Reply(ERROR, index, null, line.substring(prefixError.length()), -1);
            }
        } catch (RuntimeException e) {
            // fall through: not our line
        }
        throw new ProtocolException("worker wrote something other than its reply line to its stdout: '"
                + printable(truncate(stdout, 120)) + "'");
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** Control characters as escapes, so that a message stays one line. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
