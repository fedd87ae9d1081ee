package org.kaohe.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.kaohe.security.InitialAdmin;
import org.kaohe.security.Role;
import org.kaohe.security.UserAccount;
import org.kaohe.security.UserAccountService;
import org.springframework.stereotype.Component;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code users add|list|disable|enable|repair}: user administration from the command line. */
@Component
@TopLevelCommand
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "管理用户 / manage users",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Repair.class})
class UsersCommand implements Runnable {

    private final UserAccountService accounts;
    private final InitialAdmin initialAdmin;

    UsersCommand(UserAccountService accounts, InitialAdmin initialAdmin) {
        this.accounts = accounts;
        this.initialAdmin = initialAdmin;
    }

    /** {@code users} alone prints its usage. (No {@code @Spec} field: picocli would create this bean to fill it, even for {@code kaohe --help}.) */
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** On an empty database the users command shows the first admin, as the web server would. */
    void showInitialAdmin(PrintWriter out) {
        initialAdmin.createIfNoUsers().ifPresent(out::println);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "新增用户 / add a user")
    static class Add implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "用户名 / username") String username;
        @Option(names = "--role", required = true, description = "HR, LEADER, AUDITOR, ADMIN (逗号分隔 / comma-separated)")
        String roles;
        @Option(names = "--password", description = "省略时生成(一次性,首次登录须修改) / generated when omitted "
                + "(one-time: changed at the first login)") String password;
        @Option(names = "--name", description = "姓名(显示名) / the person's display name, e.g. 李娜") String displayName;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            parent(spec).showInitialAdmin(out);
            UserAccountService.CreatedUser created = parent(spec).accounts.create(org.kaohe.cli.CliSupport.user(),
                    username, displayName, Role.parseList(roles), password);
            out.println(CliSupport.text("cli.users.created", created.account().username(),
                    Role.format(created.account().roles())));
            if (created.passwordGenerated()) {
                out.println(CliSupport.text("cli.users.password", created.password()));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出用户 / list users")
    static class ListUsers implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            parent(spec).showInitialAdmin(out);
            out.printf("%-20s %-28s %-8s %-9s %-14s %s%n", "username", "roles", "enabled", "seal", "locked_sources", "name");
            java.util.Map<String, Long> locked = parent(spec).accounts.lockouts().stream().collect(
                    java.util.stream.Collectors.groupingBy(org.kaohe.security.Lockout::username,
                            java.util.stream.Collectors.counting()));
            for (UserAccount u : parent(spec).accounts.list()) {
                out.printf("%-20s %-28s %-8s %-9s %-14s %s%n", u.username(), Role.format(u.roles()), u.enabled(),
                        u.seal(), locked.getOrDefault(u.username(), 0L), u.displayName());
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "停用用户 / disable a user")
    static class Disable implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "用户名 / username") String username;

        @Override
        public Integer call() {
            return parent(spec).change(spec, () -> parent(spec).accounts.setEnabled(org.kaohe.cli.CliSupport.user(),
                    username, false),
                    CliSupport.text("cli.users.disabled", username));
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "启用用户 / enable a user")
    static class Enable implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "用户名 / username") String username;

        @Override
        public Integer call() {
            return parent(spec).change(spec, () -> parent(spec).accounts.setEnabled(org.kaohe.cli.CliSupport.user(),
                    username, true),
                    CliSupport.text("cli.users.enabled", username));
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true, description = "修复在数据库中被改动的账号:重新设定角色,"
            + "生成一次性密码 / repair an account changed in the database: its roles set again, a new one-time password")
    static class Repair implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "用户名 / username") String username;
        @Option(names = "--role", required = true, description = "HR, LEADER, AUDITOR, ADMIN (逗号分隔 / comma-separated)")
        String roles;

        @Override
        public Integer call() {
            String password = parent(spec).accounts.repair(org.kaohe.cli.CliSupport.user(), username,
                    Role.parseList(roles));
            PrintWriter out = spec.commandLine().getOut();
            out.println(CliSupport.text("cli.users.repaired", username, Role.format(Role.parseList(roles))));
            out.println(CliSupport.text("cli.users.oneTimePassword", password));
            return 0;
        }
    }

    /**
     * The {@code users} command above a subcommand. Asked for when the subcommand runs, not injected
     * with {@code @ParentCommand}: injection would create this Spring bean (and start Spring) just
     * to print {@code kaohe --help}.
     */
    private static UsersCommand parent(CommandLine.Model.CommandSpec sub) {
        return (UsersCommand) sub.parent().userObject();
    }

    /** Bad input (an unknown user, a role that is none) exits 2, said by {@link KaoheCommands}. */
    private int change(CommandLine.Model.CommandSpec sub, Runnable change, String done) {
        change.run();
        sub.commandLine().getOut().println(done);
        return 0;
    }
}
