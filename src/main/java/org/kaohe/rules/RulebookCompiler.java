package org.kaohe.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a rulebook from its files at run time with the classic build (KieFileSystem +
 * KieBuilder.buildAll), whose messages carry the rule file and line. A rulebook is refused with
 * every problem found: no rule file, a table not named {@code .drl.csv}, a table that yields no
 * rule or holds a malformed number or grade, a DRL error, a setting a rule reads that no table
 * defines.
 */
public final class RulebookCompiler {

    private static final String RESOURCE_FOLDER = "src/main/resources/kaohe/rulebook/";
    /** A setting a rule reads: {@code Setting( name == "BONUS_CAP"}. */
    private static final Pattern SETTING_READ = Pattern.compile("Setting\\(\\s*name\\s*==\\s*\"([A-Za-z0-9_]+)\"");
    /** Settings the Java side of the evaluation reads (the quota of 好). */
    static final Set<String> SETTINGS_READ_BY_EVALUATION = Set.of("QUOTA_RATIO", "QUOTA_MIN");
    /** A rule a decision table generated, named after its table and spreadsheet row: "BonusPoints_14". */
    private static final Pattern TABLE_RULE = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*_(\\d+)\\b");

    private RulebookCompiler() {}

    public static CompiledRulebook compile(RulebookSource source) throws RulebookInvalidException {
        Map<String, DecisionTableCheck.Checked> tables = new LinkedHashMap<>();
        List<RuleProblem> problems = new ArrayList<>(checkFiles(source, tables));
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        KieServices kie = KieServices.Factory.get();
        // A fresh ReleaseId per build: Drools caches modules by it; the module is dropped once the KieBase exists.
        ReleaseId releaseId = kie.newReleaseId("org.kaohe.rulebook", "rulebook-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        for (String name : source.ruleFileNames()) {
            files.write(RESOURCE_FOLDER + name, source.files().get(name).getBytes(StandardCharsets.UTF_8));
        }
        KieBuilder builder;
        try {
            builder = kie.newKieBuilder(files).buildAll();
        } catch (RuntimeException e) {
            // Decision-table layout errors escape as exceptions; the tables were checked, so this is rare.
            throw new RulebookInvalidException(List.of(new RuleProblem("", 0,
                    "规则编译失败 / the rules do not compile: " + e.getMessage())));
        }
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(problemOf(message, tables));
        }
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        KieBase kieBase;
        try {
            kieBase = kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
        Map<String, BigDecimal> settings = SettingsProbe.read(kieBase);
        problems.addAll(missingSettings(source, settings.keySet()));
        if (!problems.isEmpty()) {
            throw new RulebookInvalidException(problems);
        }
        return new CompiledRulebook(source.version(), kieBase, settings);
    }

    /** Folder-level problems and table checks, before Drools runs. */
    private static List<RuleProblem> checkFiles(RulebookSource source, Map<String, DecisionTableCheck.Checked> tables) {
        List<RuleProblem> problems = new ArrayList<>();
        source.files().keySet().stream().filter(RulebookSource::isSpreadsheet).forEach(name -> problems.add(
                new RuleProblem(name, 0, "决策表文件名必须以 .drl.csv 结尾(Excel 表格请另存为 CSV),否则 Drools 会忽略它"
                        + " / a decision table must be a CSV file named *.drl.csv, or Drools skips it")));
        source.ruleFileNames().stream().filter(name -> !name.endsWith(".drl") && !name.endsWith(".drl.csv"))
                .forEach(name -> problems.add(new RuleProblem(name, 0, "扩展名须为小写 .drl 或 .drl.csv,否则 Drools 会忽略它"
                        + " / the extension must be lower-case .drl or .drl.csv, or Drools skips the file")));
        if (source.ruleFileNames().isEmpty()) {
            problems.add(new RuleProblem("", 0,
                    "规则目录中没有规则文件(.drl 或 .drl.csv)/ no rule file (.drl or .drl.csv) in the rulebook"));
        }
        for (String name : source.ruleFileNames()) {
            if (name.toLowerCase(Locale.ROOT).endsWith(".drl.csv")) {
                DecisionTableCheck.Checked checked = DecisionTableCheck.check(name, source.files().get(name));
                tables.put(name, checked);
                problems.addAll(checked.problems());
            }
        }
        return problems;
    }

    /** Every setting a rule or the evaluation reads must be defined, or rules would silently not fire. */
    private static List<RuleProblem> missingSettings(RulebookSource source, Set<String> defined) {
        Map<String, RuleProblem> missing = new LinkedHashMap<>();
        for (String name : source.ruleFileNames()) {
            String[] lines = source.files().get(name).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = SETTING_READ.matcher(lines[i]);
                while (m.find()) {
                    String setting = m.group(1);
                    if (!defined.contains(setting)) {
                        missing.putIfAbsent(setting, new RuleProblem(name, i + 1, "参数表中没有参数 " + setting
                                + " / setting " + setting + " is read here but not defined in the settings table"));
                    }
                }
            }
        }
        for (String setting : SETTINGS_READ_BY_EVALUATION) {
            if (!defined.contains(setting)) {
                missing.putIfAbsent(setting, new RuleProblem("", 0, "参数表中没有参数 " + setting
                        + "(\"好\"等次名额需要)/ setting " + setting + " is needed for the quota of 好 but not defined"));
            }
        }
        return List.copyOf(missing.values());
    }

    /** The expression an "Unable to Analyse Expression x:" message quotes, else its first line. */
    private static String quotedExpression(String text) {
        String first = text.lines().findFirst().orElse("");
        String prefix = "Unable to Analyse Expression ";
        String expression = first.startsWith(prefix) ? first.substring(prefix.length()) : first;
        return expression.endsWith(":") ? expression.substring(0, expression.length() - 1).trim() : expression.trim();
    }

    private static RuleProblem problemOf(Message message, Map<String, DecisionTableCheck.Checked> tables) {
        String path = message.getPath() == null ? "" : message.getPath();
        String file = path.substring(path.lastIndexOf('/') + 1); // rule files sit in one folder
        int line = Math.max(message.getLine(), 0);
        String text = message.getText() == null ? "" : message.getText().trim();
        if (tables.containsKey(file)) {
            // A table's message speaks of the DRL Drools generated from it: find the table row by the
            // rule's name (BonusPoints_14 is row 14) or by the expression the message quotes.
            Matcher m = TABLE_RULE.matcher(text);
            line = m.find() ? Integer.parseInt(m.group(1)) : tables.get(file).rowOf(quotedExpression(text));
        }
        return new RuleProblem(file, line, "规则编译错误 / rule compile error: " + text);
    }
}
