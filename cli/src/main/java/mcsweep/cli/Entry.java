package mcsweep.cli;

import mcsweep.cli.daemon.DaemonClient;

/**
 * The jar's entry point: hands the command to a daemon of this folder and environment when one runs
 * ({@code mcsweep daemon start}) before anything else of the CLI is loaded (a served command's JVM then costs
 * about what a client costs), and otherwise runs it here through {@link Main}.
 */
public final class Entry {

    private Entry() {
    }

    public static void main(String[] args) {
        int code = DaemonClient.mayServe(args) ? DaemonClient.run(args) : DaemonClient.NOT_SERVED;
        if (code == DaemonClient.NOT_SERVED) {
            Main.main(args);
        } else if (code != ExitCodes.OK) {
            System.exit(code);
        }
    }
}
