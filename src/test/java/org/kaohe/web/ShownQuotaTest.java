package org.kaohe.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kaohe.annual.AnnualQuotas;
import org.kaohe.records.SubjectType;
import org.kaohe.rules.book.QuotaScope;
import org.kaohe.scoring.Grade;

/** The year's page lists a quota's groups whole in a city, and those of the departments it shows in a province. */
class ShownQuotaTest {

    private static AnnualQuotas.Quota quota(int departments) {
        List<AnnualQuotas.Group> groups = new ArrayList<>();
        for (int i = 1; i <= departments; i++) {
            groups.add(new AnnualQuotas.Group(String.format("D%05d", i), 50, 10));
        }
        return new AnnualQuotas.Quota(SubjectType.CADRE, new Grade("EXCELLENT", "优秀", 0), null, QuotaScope.DEPT, groups);
    }

    @Test
    void aCitysQuotaIsListedWhole() {
        AnnualController.ShownQuota shown = AnnualController.ShownQuota.of(quota(AnnualController.QUOTA_GROUPS_LISTED),
                Set.of("D00001"));
        assertThat(shown.groups()).hasSize(AnnualController.QUOTA_GROUPS_LISTED);
        assertThat(shown.others()).isZero();
    }

    @Test
    void aProvincesQuotaListsTheDepartmentsOnThePageAndCountsTheOthers() {
        AnnualController.ShownQuota shown = AnnualController.ShownQuota.of(quota(2000), Set.of("D00007", "D01999", "D09999"));
        assertThat(shown.groups()).extracting(AnnualQuotas.Group::id).containsExactly("D00007", "D01999");
        assertThat(shown.others()).isEqualTo(1998);
    }

    @Test
    void theCitysGroupIsAlwaysListed() {
        List<AnnualQuotas.Group> groups = new ArrayList<>(quota(100).groups());
        groups.add(0, new AnnualQuotas.Group("", 5000, 1000));
        AnnualQuotas.Quota quota = new AnnualQuotas.Quota(SubjectType.CADRE, new Grade("EXCELLENT", "优秀", 0), null,
                QuotaScope.CITY, groups);
        AnnualController.ShownQuota shown = AnnualController.ShownQuota.of(quota, Set.of());
        assertThat(shown.groups()).extracting(AnnualQuotas.Group::id).containsExactly("");
        assertThat(shown.others()).isEqualTo(100);
    }
}
