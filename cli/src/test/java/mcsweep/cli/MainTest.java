package mcsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void buildsTheFullModelOnlyForTheSubcommandBeingRun() {
        Map<String, CommandLine> subs = Main.commandLine("sweep", "--iterations", "10").getSubcommands();

        assertThat(subs).containsOnlyKeys("sweep"); // a subcommand that runs needs no siblings
        assertThat(subs.get("sweep").getCommandSpec().findOption("--iterations")).isNotNull();
        assertThat(subs.get("sweep").getCommandSpec().userObject()).isInstanceOf(SweepCommand.class);

        Map<String, CommandLine> mistyped = Main.commandLine("swep", "--iterations", "10").getSubcommands();
        assertThat(mistyped).containsOnlyKeys(
                "sweep", "run", "estimate", "merge", "slurm-script", "daemon", "executors", "kernels", "help");
        assertThat(mistyped.get("run").getCommandSpec().positionalParameters()).isEmpty();
        assertThat(mistyped.get("run").getCommandSpec().userObject()).isNull(); // a placeholder: name and header only
    }

    @Test
    void helpAndArgumentFilesGetEveryModel() {
        for (String[] args : new String[][] {{"help", "run"}, {"@options.txt"}}) {
            Map<String, CommandLine> subs = Main.commandLine(args).getSubcommands();
            assertThat(subs.get("run").getCommandSpec().positionalParameters()).hasSize(5);
            assertThat(subs.get("sweep").getCommandSpec().findOption("--iterations")).isNotNull();
        }
    }

    @Test
    void topLevelHelpListsEverySubcommandWithTheHeaderOfItsAnnotation() {
        Cli help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: mcsweep [-hV] [--kernel-path=JAR]... [COMMAND]")
                .containsPattern("-V, --version +Print version information and exit.");
        for (Class<?> c : new Class<?>[] {SweepCommand.class, RunCommand.class, EstimateCommand.class,
            MergeCommand.class, SlurmScriptCommand.class, DaemonCommand.class, ListCommands.Executors.class,
            ListCommands.Kernels_.class}) {
            Command a = c.getAnnotation(Command.class);
            String line = a.header().length > 0 ? a.header()[0] : a.description()[0];
            // Long headers wrap at the usage width: compare with runs of white space folded.
            assertThat(help.out().replaceAll("\\s+", " ")).contains(" " + a.name() + " " + line.replaceAll("\\s+", " "));
        }
        assertThat(help.out()).containsPattern("(?m)^  help +Display help information about the specified command.$");
    }

    @Test
    void helpOfASubcommandIsTheSameEitherWay() {
        Cli viaHelp = Cli.run("help", "sweep");
        Cli viaOption = Cli.run("sweep", "--help");

        assertThat(viaHelp.exitCode()).isZero();
        assertThat(viaHelp.out()).isEqualTo(viaOption.out()).contains("Usage: mcsweep sweep");
    }

    @Test
    void versionNamesTheToolAndTheJava() {
        Cli v = Cli.run("--version");

        assertThat(v.exitCode()).isZero();
        assertThat(v.out()).startsWith("mcsweep ").contains("Java " + Runtime.version());
    }

    @Test
    void eachSubcommandsVersionOptionPrintsTheToolsVersion() {
        String version = Cli.run("--version").out();
        for (String sub : new String[] {"sweep", "run", "estimate", "merge", "kernels", "daemon"}) {
            Cli v = Cli.run(sub, "--version");
            assertThat(v.exitCode()).as(sub).isZero();
            assertThat(v.out()).as(sub + " --version printed nothing before").isEqualTo(version);
        }
    }

    @Test
    void aMistypedSubcommandIsAUsageErrorThatSuggestsTheRightOne() {
        Cli r = Cli.run("swep", "--iterations", "5");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("swep").contains("sweep").contains("Try 'mcsweep --help'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void noSubcommandIsAUsageError() {
        Cli r = Cli.run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void pathsAreConvertedWithoutReflectionAndRefusedInPicocliWords() {
        // picocli's own Path converter (Paths.get by reflection) is replaced; ours must say what it said
        Cli r = Cli.run("sweep", "--beta", "1", "--x0", "1", "--h", "1", "--iterations", "1", "--out", "a\0b");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("mcsweep: Invalid value for option '--out': cannot convert 'a\0b' to"
                + " interface java.nio.file.Path (java.nio.file.InvalidPathException: Nul character not allowed: a\0b)");
    }
}
