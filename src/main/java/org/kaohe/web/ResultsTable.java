package org.kaohe.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.kaohe.records.SubjectType;
import org.kaohe.scoring.SubjectResult;

/**
 * The results page's table: filtered by subject type, department and grade, sorted by one column,
 * cut into pages. Pure: the same request gives the same page.
 */
record ResultsTable(List<SubjectResult> rows, int page, int pages, int total) {

    static final int PAGE_SIZE = 25;

    /** What the user asked for; null or blank filters mean "all". */
    record Query(SubjectType type, String dept, String grade, String sort, boolean descending, int page) {}

    private static final Map<String, Comparator<SubjectResult>> SORTS = Map.of(
            "id", Comparator.comparing(SubjectResult::subjectId),
            "name", Comparator.comparing(SubjectResult::name),
            // a department's own row first, then its cadres by rank
            "dept", Comparator.comparing(SubjectResult::deptId)
                    .thenComparing(s -> s.subjectType() == SubjectType.CADRE).thenComparing(SubjectResult::rank),
            "score", Comparator.comparing(SubjectResult::score),
            "grade", Comparator.comparing(s -> s.finalGrade().order()),
            "rank", Comparator.comparing(SubjectResult::rank));

    static boolean knownSort(String sort) {
        return SORTS.containsKey(sort);
    }

    static ResultsTable of(List<SubjectResult> all, Query q) {
        Comparator<SubjectResult> order = SORTS.getOrDefault(q.sort(), SORTS.get("dept"));
        if (q.descending()) {
            order = order.reversed();
        }
        List<SubjectResult> matching = all.stream()
                .filter(s -> q.type() == null || s.subjectType() == q.type())
                .filter(s -> q.dept() == null || q.dept().isBlank() || s.deptId().equals(q.dept()))
                .filter(s -> q.grade() == null || q.grade().isBlank() || s.finalGrade().name().equals(q.grade()))
                .sorted(order.thenComparing(SubjectResult::subjectId))
                .toList();
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, q.page()), pages);
        int from = (page - 1) * PAGE_SIZE;
        return new ResultsTable(matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE)), page, pages,
                matching.size());
    }
}
