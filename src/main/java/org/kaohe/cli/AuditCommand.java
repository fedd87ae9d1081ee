package org.kaohe.cli;

import org.kaohe.audit.AuditLog;
import org.kaohe.audit.AuditLogCheck;
import org.kaohe.errors.MessageText;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** {@code audit verify}: walks the audit log's chain and names every changed, inserted or deleted entry. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // picocli keeps option values in fields: a fresh command per run
@TopLevelCommand
@Command(name = "audit", mixinStandardHelpOptions = true, description = "操作日志 / the audit log")
class AuditCommand {

    private final AuditLogCheck check;

    AuditCommand(AuditLogCheck check) {
        this.check = check;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "核验日志链;有改动、插入或删除时退出码为 3 / check the chain; exit 3 when an entry was "
                    + "changed, inserted or deleted")
    int verify() {
        AuditLog.Verification v = check.verify(CliSupport.user());
        if (v.intact()) {
            System.out.println(CliSupport.text("cli.audit.intact", v.entries(), v.legacyEntries()));
        } else {
            System.out.println(CliSupport.text("cli.audit.broken", v.problems().size(), v.entries()));
            v.problems().forEach(p -> System.out.println("  " + CliSupport.text(p)));
        }
        return v.intact() ? CliSupport.EXIT_OK : CliSupport.EXIT_ALTERED;
    }
}
