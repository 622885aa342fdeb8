package mcsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name for the job log, found without a DNS look-up (which can hang on a cluster node). */
final class Hosts {

    private static String name;

    private Hosts() {
    }

    static synchronized String name() {
        if (name == null) {
            name = find();
        }
        return name;
    }

    private static String find() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        for (String f : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
            try {
                String s = Files.readString(Path.of(f)).trim();
                if (!s.isEmpty()) {
                    return s;
                }
            } catch (Exception | LinkageError ignored) {
                // try the next source
            }
        }
        return "localhost";
    }
}
