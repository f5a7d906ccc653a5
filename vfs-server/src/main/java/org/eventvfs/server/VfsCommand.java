package org.eventvfs.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vfs}: the server and its administration, one subcommand each. */
@Command(name = "vfs", mixinStandardHelpOptions = true, versionProvider = VfsCommand.Version.class,
        description = "An event-sourced virtual file system server.")
public final class VfsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** Read by logback.xml when VFS_LOG_LEVEL is not set. */
    private static final String LOG_LEVEL_PROPERTY = "vfs.log.level";

    public static void main(String[] args) {
        // Only the server's log is wanted; a command such as `vfs user list` prints output that
        // scripts read, which the stores' INFO lines would spoil. Set before anything logs.
        if (args.length == 0 || !args[0].equals("run")) {
            System.setProperty(LOG_LEVEL_PROPERTY, "WARN");
        }
        int status = execute(CommandEnvironment.ofThisProcess(), args);
        // After SIGTERM this call waits for the shutdown hook, which ends the process itself.
        System.exit(status);
    }

    /** Runs one command line and returns its exit status: 0, 1 for a failure, 2 for a usage error. */
    static int execute(CommandEnvironment environment, String... args) {
        return commandLine(environment).execute(args);
    }

    static CommandLine commandLine(CommandEnvironment environment) {
        CommandLine admin = new CommandLine(new AdminCommand())
                .addSubcommand("users", userCommands(environment))
                .addSubcommand(new AdminInviteCommand(environment))
                .addSubcommand(new AdminInvitesCommand(environment))
                .addSubcommand(new AdminVolumesCommand(environment))
                .addSubcommand(new AdminStatsCommand(environment))
                .addSubcommand(new AdminSessionsCommand(environment))
                .addSubcommand(new AdminKickCommand(environment))
                .addSubcommand(new LogCommand(environment));
        // Settings last: picocli copies them only to the subcommands already added.
        return new CommandLine(new VfsCommand())
                .addSubcommand(new RunCommand(environment))
                .addSubcommand(new MigrateCommand(environment))
                .addSubcommand(new ExportCommand(environment))
                .addSubcommand(new ImportCommand(environment))
                .addSubcommand(userCommands(environment))
                .addSubcommand(admin)
                .addSubcommand(new JoinCommand(environment))
                .addSubcommand(new GcCommand(environment))
                .addSubcommand(new VerifyCommand(environment))
                .addSubcommand(new RestoreCommand(environment))
                .addSubcommand(new UndoCommand(environment))
                .addSubcommand(new LogCommand(environment))
                .addSubcommand(new HistoryCommand(environment))
                .addSubcommand(new CatCommand(environment))
                .addSubcommand(new CheckpointCommand(environment))
                .setOut(environment.out())
                .setErr(environment.err())
                .setExecutionExceptionHandler(new FailureReporter(environment.err()));
    }

    /** {@code vfs user …}, also reachable as {@code vfs admin users …}. */
    private static CommandLine userCommands(CommandEnvironment environment) {
        return new CommandLine(new UserCommand(environment))
                .addSubcommand(new UserAddCommand(environment))
                .addSubcommand(new UserListCommand(environment))
                .addSubcommand(new UserPasswdCommand(environment))
                .addSubcommand(new UserKeysCommand(environment))
                .addSubcommand(new UserRemoveCommand(environment));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command, such as run, user, log, restore or verify (vfs --help lists them all)");
    }

    /** The version in the jar's manifest, or {@code dev} when run from classes. */
    static String version() {
        String version = VfsCommand.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vfs " + version()};
        }
    }
}
