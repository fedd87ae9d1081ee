package org.kaohe.annual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.kaohe.errors.Message;
import org.kaohe.records.SubjectType;
import org.kaohe.results.BackgroundChecks;
import org.kaohe.results.RunSealer;
import org.kaohe.results.SealStatus;
import org.kaohe.results.StoredSubject;
import org.kaohe.scoring.SubjectResult;
import org.springframework.stereotype.Service;

/**
 * A year's page and its list in the API at any size, as a quarter's results pages
 * ({@link org.kaohe.results.ResultPageChecks}): the year's subjects are listed without their lines
 * (to page through, count and place the quotas); the rows shown are read whole and each checked
 * against its seal in the request; the whole run (every other row, the chain, the count, the
 * year-end appraisal's records) is checked in the background ({@link BackgroundChecks}), and its
 * last finding is what the page says of the rest. A row changed elsewhere in the run is flagged
 * once that check ends; a row the page shows, at once. The year's paper is printed from one
 * department's rows with a whole check made for it ({@link #forPaper}); the downloads write the
 * listed rows read a chunk at a time after a whole check made for them ({@link #forExport}).
 */
@Service
public class AnnualPages {

    /**
     * The most listed subjects kept between requests, all runs together (some 30 MB at 100,000). An
     * annual run's rows are only ever inserted, so a run's listing never changes: one read serves
     * every page of it. A row changed or deleted behind Kaohe's back since is caught where it
     * matters, by the shown rows' own checks and the whole check, never taken from the listing.
     * A run of more subjects is listed again for each page.
     */
    static final int KEPT_SUBJECTS = 300_000;

    /**
     * The year's newest run, every subject of it as listed (unchecked and without lines), and its
     * quotas as they fell on them; its departments, and its cadres (all, and by department), each in
     * the listed order.
     */
    public record Listing(AnnualRunInfo run, List<SubjectResult> subjects, AnnualQuotas.Applied quotas,
                          List<SubjectResult> departments, List<SubjectResult> cadres,
                          Map<String, List<SubjectResult>> cadresByDepartment) {

        /** The cadres of one department, in the listed order; none for a department the year does not list. */
        public List<SubjectResult> cadresOf(String deptId) {
            return cadresByDepartment.getOrDefault(deptId, List.of());
        }
    }

    /**
     * What is kept of a run between requests: its listing, and the listing grouped once (a page of a
     * province's year would otherwise go through 100,000 subjects for each table it shows).
     */
    private record Listed(List<SubjectResult> subjects, AnnualQuotas.Applied quotas, List<SubjectResult> departments,
                          List<SubjectResult> cadres, Map<String, List<SubjectResult>> cadresByDepartment) {

        static Listed of(List<SubjectResult> subjects, AnnualQuotas.Applied quotas) {
            List<SubjectResult> departments = new ArrayList<>();
            List<SubjectResult> cadres = new ArrayList<>();
            Map<String, List<SubjectResult>> byDepartment = new HashMap<>();
            for (SubjectResult s : subjects) {
                if (s.subjectType() == SubjectType.DEPARTMENT) {
                    departments.add(s);
                } else {
                    cadres.add(s);
                    byDepartment.computeIfAbsent(s.deptId(), d -> new ArrayList<>()).add(s);
                }
            }
            byDepartment.replaceAll((dept, ofDept) -> List.copyOf(ofDept));
            return new Listed(subjects, quotas, List.copyOf(departments), List.copyOf(cadres), Map.copyOf(byDepartment));
        }
    }

    /**
     * The rows a page shows, each checked, with the problems of the run the last whole check found;
     * {@code wholeCheckPending} while the run's first whole check is still under way.
     */
    public record Shown(AnnualResults.CheckedYear check, boolean wholeCheckPending) {}

    private final AnnualRepository repository;
    private final AnnualResults results;
    private final BackgroundChecks background;
    private final AnnualQuotas quotas;
    /** The runs last listed, by id, least recently used first. */
    private final LinkedHashMap<Long, Listed> kept = new LinkedHashMap<>(4, 0.75f, true);

    AnnualPages(AnnualRepository repository, AnnualResults results, BackgroundChecks background, AnnualQuotas quotas) {
        this.repository = repository;
        this.results = results;
        this.background = background;
        this.quotas = quotas;
    }

    /**
     * What the year's paper is printed from: one department's rows (the department and its cadres)
     * read whole and each checked alone, what the whole run's check made in this call found (paper
     * prints its seal state for ever: it never takes a background finding), the quotas as they fell
     * and the number of departments, from the year's listing. Bounded by one department whatever the
     * year's size.
     */
    public record PaperYear(AnnualResults.CheckedYear printed, AnnualQuotas.Applied quotas, int departments) {}

    /**
     * The paper of subject {@code id}'s department ({@code id} a cadre or a department); holding no
     * subjects when the year lists none of that id. Empty when the year was never evaluated.
     */
    public Optional<PaperYear> forPaper(int year, String id) {
        return listing(year).map(listing -> {
            Optional<String> dept = listing.subjects().stream().filter(s -> s.subjectId().equals(id)).findFirst()
                    .map(s -> s.subjectType() == SubjectType.DEPARTMENT ? s.subjectId() : s.deptId());
            List<SubjectResult> printed = dept.map(d -> inDepartment(listing, d)).orElse(List.of());
            Checked own = checkedRows(listing.run(), printed);
            AnnualResults.CheckedYear whole = results.checkedAsRead(listing.run());
            List<Message> problems = new ArrayList<>(own.problems());
            whole.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            Map<String, Message> altered = new LinkedHashMap<>(own.check().alteredRows());
            whole.alteredRows().forEach(altered::putIfAbsent);
            SealStatus status = own.check().status() == SealStatus.OTHER_KEY ? SealStatus.OTHER_KEY
                    : problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED;
            return new PaperYear(new AnnualResults.CheckedYear(listing.run(), status, own.check().subjects(), altered,
                    problems), listing.quotas(), listing.departments().size());
        });
    }

    /**
     * A year's rows for an export: what the whole run's check made for it found (streamed: no row
     * held), how many rows the year lists, and those rows read whole in the listed order, a chunk of
     * {@link #EXPORTED_AT_ONCE} at a time, as they are iterated. A listed row the run no longer holds
     * is left out; the check has then failed the run. Bounded by a chunk and the listing whatever the
     * year's size, as a quarter's export ({@link org.kaohe.results.RunChecks#verdict}).
     */
    public record ExportedYear(AnnualResults.CheckedYear check, int rows, Iterable<SubjectResult> inOrder) {}

    /** How many listed rows an export reads whole at once. */
    static final int EXPORTED_AT_ONCE = 1_000;

    /** The year's rows for an export ({@link ExportedYear}); empty when the year was never evaluated. */
    public Optional<ExportedYear> forExport(int year) {
        return forExport(year, EXPORTED_AT_ONCE);
    }

    /** As {@link #forExport(int)}, {@code atOnce} rows read whole at a time. */
    Optional<ExportedYear> forExport(int year, int atOnce) {
        return listing(year).map(listing -> {
            AnnualResults.CheckedYear whole = results.checkedAsRead(listing.run());
            List<SubjectResult> listed = listing.subjects();
            Iterable<SubjectResult> inOrder = () -> IntStream.iterate(0, from -> from < listed.size(), from -> from + atOnce)
                    .mapToObj(from -> listed.subList(from, Math.min(listed.size(), from + atOnce)))
                    .flatMap(chunk -> repository.results(listing.run().id(), chunk).stream().map(StoredSubject::result))
                    .iterator();
            return new ExportedYear(whole, listed.size(), inOrder);
        });
    }

    /** The department's own row (when the year lists it), then its cadres, in the listed order. */
    private static List<SubjectResult> inDepartment(Listing listing, String deptId) {
        List<SubjectResult> rows = new ArrayList<>();
        listing.departments().stream().filter(d -> d.subjectId().equals(deptId)).forEach(rows::add);
        rows.addAll(listing.cadresOf(deptId));
        return rows;
    }

    /** Empty when the year was never evaluated. */
    public Optional<Listing> listing(int year) {
        return repository.currentRun(year).map(run -> {
            Listed listed = listed(run);
            return new Listing(run, listed.subjects(), listed.quotas(), listed.departments(), listed.cadres(),
                    listed.cadresByDepartment());
        });
    }

    private Listed listed(AnnualRunInfo run) {
        synchronized (kept) {
            Listed listed = kept.get(run.id());
            if (listed != null) {
                return listed;
            }
        }
        List<SubjectResult> subjects = List.copyOf(repository.listed(run.id()));
        Listed listed = Listed.of(subjects, quotas.applied(run, subjects));
        synchronized (kept) {
            kept.put(run.id(), listed);
            int held = kept.values().stream().mapToInt(l -> l.subjects().size()).sum();
            var eldest = kept.values().iterator();
            while (held > KEPT_SUBJECTS && eldest.hasNext()) {
                held -= eldest.next().subjects().size();
                eldest.remove();
            }
        }
        return listed;
    }

    /**
     * These listed rows read whole and checked, in the order given, with what the run's last whole
     * check found. A listed row the run no longer holds was deleted: named at once.
     */
    public Shown shown(Listing listing, List<SubjectResult> rows) {
        AnnualRunInfo run = listing.run();
        Checked rowsChecked = checkedRows(run, rows);
        AnnualResults.CheckedYear own = rowsChecked.check();
        if (own.status() == SealStatus.OTHER_KEY) {
            return new Shown(own, false); // nothing of the run can be checked: no whole check to wait for
        }
        List<Message> problems = new ArrayList<>(rowsChecked.problems());
        boolean rowsFailed = !own.alteredRows().isEmpty() || rowsChecked.deleted(); // the whole finding should catch up
        Optional<BackgroundChecks.Finding> whole = background.last("year-run " + run.id(), rowsFailed, () -> {
            AnnualResults.CheckedYear checked = results.checkedAsStreamed(run, background::givingWay);
            return BackgroundChecks.Finding.now(checked.status(), checked.problems(), checked.alteredRows().keySet());
        });
        // The whole check found the shown rows' and the names' problems too (when it ran): listed once.
        whole.ifPresent(w -> w.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add));
        SealStatus status = problems.isEmpty() ? SealStatus.INTACT : SealStatus.ALTERED;
        return new Shown(new AnnualResults.CheckedYear(run, status, own.subjects(), own.alteredRows(), problems),
                whole.isEmpty());
    }

    /** Listed rows read whole and checked alone, with their problems and each listed row the run no longer holds. */
    private record Checked(AnnualResults.CheckedYear check, List<Message> problems, boolean deleted) {}

    private Checked checkedRows(AnnualRunInfo run, List<SubjectResult> rows) {
        List<StoredSubject> stored = repository.results(run.id(), rows);
        AnnualResults.CheckedYear own = results.checkedRows(run, stored);
        List<Message> problems = new ArrayList<>(own.problems());
        Set<String> read = new HashSet<>();
        stored.forEach(s -> read.add(s.key()));
        List<String> deleted = rows.stream().map(RunSealer::subjectKey).filter(key -> !read.contains(key)).toList();
        if (own.status() != SealStatus.OTHER_KEY) {
            deleted.forEach(key -> problems.add(Message.of("seal.problem.rowDeleted", key)));
        }
        return new Checked(own, problems, !deleted.isEmpty());
    }
}
