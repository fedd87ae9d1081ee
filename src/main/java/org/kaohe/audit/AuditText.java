package org.kaohe.audit;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An audit entry as a person reads it, in the page's language: the action's name
 * ({@code audit.action.IMPORT} = 导入) and its detail filled into {@code audit.detail.IMPORT}
 * ("考核期 {period} 导入版本 {version} ..."); a coded value is worded by {@code audit.value.NAME.VALUE}
 * when the bundles have it (a review's decision: 维持原结果). Entries written before details had names
 * are shown as written.
 */
@Component
public class AuditText {

    private static final Pattern NAME = Pattern.compile("\\{(\\w+)}");

    private final MessageSource messages;

    AuditText(MessageSource messages) {
        this.messages = messages;
    }

    public String action(String action, Locale locale) {
        return messages.getMessage("audit.action." + action, null, action, locale);
    }

    public String detail(AuditLog.Entry entry, Locale locale) {
        Map<String, String> params = AuditLog.params(entry.detail());
        if (params.isEmpty()) {
            return entry.detail();
        }
        // No arguments: the message source hands the template back untouched (no MessageFormat quoting).
        String template = messages.getMessage("audit.detail." + entry.action(), null, null, locale);
        if (template == null) {
            return String.join(", ", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        Matcher m = NAME.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), params.getOrDefault(m.group(1), ""), locale)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A coded value in the reader's words when the bundles word it ({@code audit.value.decision.CHANGE}), else as stored. */
    private String value(String name, String value, Locale locale) {
        return value.isEmpty() ? value : messages.getMessage("audit.value." + name + "." + value, null, value, locale);
    }
}
