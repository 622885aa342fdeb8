package mcsweep.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The daemon's protocol, over a Unix domain socket. The client opens with one message: {@link #REQUEST} (the
 * identity, the arguments, the charset of its stdout, whether its stderr is a terminal), {@link #STATUS} or
 * {@link #STOP} (the identity alone), or {@link #STATUS_ANY} and {@link #STOP_ANY}, which any identity of the
 * user may send. To a request the daemon answers {@link #FALLBACK} with a reason (the client then runs the command
 * itself), or with {@link #ACCEPTED}, then {@link #OUT}/{@link #ERR} chunks and finally
 * {@link #EXIT} with the exit code; meanwhile the client may send {@link #CANCEL} (it got SIGINT or SIGTERM), which
 * the daemon treats as a fresh JVM treats the signal. To status and stop it answers {@link #INFO}. Strings are
 * UTF-8 with an int length. The launcher's C client ({@code src/main/c/mcsweep-client.c}) speaks the request's
 * side of it too.
 */
final class Wire {

    static final int VERSION = 1;

    static final byte REQUEST = 'R';
    static final byte STATUS = 'P';
    static final byte STOP = 'S';
    // STATUS and STOP for a daemon of any identity (--all): a client that can reach the socket is its user, the
    // only one who can enter the folder.
    static final byte STATUS_ANY = 'Q';
    static final byte STOP_ANY = 'K';
    static final byte CANCEL = 'C';

    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte ACCEPTED = 'A';
    static final byte EXIT = 'X';
    static final byte FALLBACK = 'F';
    static final byte INFO = 'I';

    /** Longer strings are refused: no message of ours comes near it, and a reader must not allocate at will. */
    private static final int MAX_STRING = 1 << 24;
    private static final int MAX_ARGS = 1 << 16;

    private Wire() {
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("bad length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    static void writeArgs(DataOutputStream out, String[] args) throws IOException {
        out.writeInt(args.length);
        for (String a : args) {
            writeString(out, a);
        }
    }

    static String[] readArgs(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_ARGS) {
            throw new IOException("bad argument count " + n);
        }
        String[] args = new String[n];
        for (int i = 0; i < n; i++) {
            args[i] = readString(in);
        }
        return args;
    }

    /**
     * Opens a message of {@code type} from a client of {@code identity}: what {@link #readHeader} reads, then the
     * identity's text.
     */
    static void writeHeader(DataOutputStream out, byte type, DaemonIdentity identity) throws IOException {
        out.writeByte(type);
        out.writeInt(VERSION);
        writeString(out, identity.text());
    }

    /**
     * A client's opening message: its type, the identity's text, and for a {@link #REQUEST} the arguments, the
     * charset of the client's stdout and whether its stderr is a terminal ({@code null}, {@code null},
     * {@code false} otherwise).
     */
    record Opening(byte type, String identity, String[] args, String charset, boolean terminal) {
    }

    /** Reads a client's opening message, as {@link DaemonClient} and {@link DaemonControl} write it. */
    static Opening readOpening(DataInputStream in) throws IOException {
        byte type = readHeader(in);
        String identity = readString(in);
        if (type != REQUEST) {
            return new Opening(type, identity, null, null, false);
        }
        return new Opening(type, identity, readArgs(in), readString(in), in.readBoolean());
    }

    /**
     * The first message's type, after checking its protocol version (its identity's text follows); an
     * {@link EOFException} when the peer closed at once.
     */
    static byte readHeader(DataInputStream in) throws IOException {
        byte type = in.readByte();
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("protocol version " + version + ", expected " + VERSION);
        }
        return type;
    }
}
