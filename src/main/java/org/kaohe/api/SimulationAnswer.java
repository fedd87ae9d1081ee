package org.kaohe.api;

import java.util.List;

import org.kaohe.evaluation.SimulationService;
import org.kaohe.scoring.DraftComparison;

/**
 * A what-if as the API answers it, bounded whatever the city: both versions, how many subjects were
 * simulated and how many change score, grade and rank, and the first 200 changed subjects and
 * departments that move (each list with the count of all). The whole comparison is on the page.
 */
record SimulationAnswer(String period, String publishedVersion, String draftVersion, int subjectCount,
                        long scoresChanged, long gradesChanged, long ranksChanged, int changedCount,
                        List<DraftComparison> changed, int departmentCount,
                        List<SimulationService.DepartmentMove> departments) {

    static SimulationAnswer of(SimulationService.Simulation s) {
        List<DraftComparison> changed = s.changed();
        return new SimulationAnswer(s.period().toString(), s.publishedVersion(), s.draftVersion(), s.subjects().size(),
                s.scoresChanged(), s.gradesChanged(), s.ranksChanged(), changed.size(), CheckAnswer.first(changed),
                s.departments().size(), CheckAnswer.first(s.departments()));
    }
}
