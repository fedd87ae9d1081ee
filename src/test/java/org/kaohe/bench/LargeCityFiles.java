package org.kaohe.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.kaohe.records.Period;
import org.kaohe.testing.CityGenerator;

/**
 * Writes a period folder of the six CSV files of docs/scheme.md for a city of any size, valid for the
 * importer, for timing Kaohe end to end through the command line. A {@code main}, not a test; the
 * city is {@link CityGenerator}'s, the same generator the engine's invariants use.
 *
 * <pre>
 * LargeCityFiles FOLDER CADRES DEPARTMENTS [SEED]
 * </pre>
 *
 * The folder's name is the period ({@code /tmp/bench/2026-Q3}), as {@code kaohe import FOLDER}
 * expects. The same arguments always write the same bytes.
 */
public final class LargeCityFiles {

    private LargeCityFiles() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: LargeCityFiles FOLDER CADRES DEPARTMENTS [SEED]   (folder name = period, e.g. /tmp/bench/2026-Q3)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        int cadres = Integer.parseInt(args[1]);
        int departments = Integer.parseInt(args[2]);
        long seed = args.length == 4 ? Long.parseLong(args[3]) : 42L;
        if (cadres < 0 || departments < 1) {
            System.err.println("CADRES must be >= 0 and DEPARTMENTS >= 1");
            System.exit(2);
        }
        Period period = Period.parse(folder.toAbsolutePath().normalize().getFileName().toString());
        long start = System.nanoTime();
        write(folder, period, cadres, departments, seed);
        System.out.printf("%s: %d cadres, %d departments (seed %d) in %d ms%n", folder, cadres, departments, seed,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Writes the six files of a city of {@code cadres} cadres in {@code departments} departments. */
    public static void write(Path folder, Period period, int cadres, int departments, long seed) throws IOException {
        CityGenerator.writeFiles(folder, CityGenerator.city(seed, period, departments, cadres));
    }
}
