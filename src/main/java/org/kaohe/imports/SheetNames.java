package org.kaohe.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sheet names of a period workbook: each input file by its English name ({@code targets}, or
 * {@code targets.csv}, any case) or by a Chinese name HR offices use ({@code 任务}).
 */
final class SheetNames {

    private static final Map<InputFile, List<String>> CHINESE = Map.of(
            InputFile.DEPARTMENTS, List.of("部门"),
            InputFile.CADRES, List.of("干部"),
            InputFile.TARGETS, List.of("任务", "目标任务"),
            InputFile.APPRAISALS, List.of("测评", "民主测评"),
            InputFile.EVENTS, List.of("事项"),
            InputFile.ORGANIZATIONS, List.of("组织", "基层组织"));

    private SheetNames() {}

    static Optional<InputFile> fileFor(String sheetName) {
        String name = sheetName.strip();
        String english = name.toLowerCase(Locale.ROOT);
        return InputFile.quarterly().stream()
                .filter(f -> f.fileName().equals(english) || englishName(f).equals(english)
                        || CHINESE.get(f).contains(name))
                .findFirst();
    }

    /** {@code targets(任务)}: how messages name a sheet. */
    static String display(InputFile file) {
        return englishName(file) + "(" + CHINESE.get(file).get(0) + ")";
    }

    static String known() {
        return String.join(", ", InputFile.quarterly().stream().map(SheetNames::display).toList());
    }

    private static String englishName(InputFile file) {
        return file.fileName().substring(0, file.fileName().length() - ".csv".length());
    }
}
