package org.kaohe.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The signals page's charts are bounded whatever the city's size: a small city's as they always were,
 * a large city's departments cut to those furthest from the city's votes and its cadres counted in
 * cells; and a run stored before the bound is cut the same way when read.
 */
class SignalChartsTest {

    private static final List<Double> CITY = List.of(0.5, 0.3, 0.15, 0.05);

    @Test
    void aSmallCitysChartsHaveEveryDepartmentAndCadreInTheirOrder() {
        List<String> names = new ArrayList<>(List.of("组织部", "宣传部", "全市 city"));
        List<List<Double>> shares = List.of(List.of(0.9, 0.1, 0.0, 0.0), List.of(0.5, 0.3, 0.15, 0.05), CITY);
        Map<String, List<List<Double>>> ratings = new LinkedHashMap<>();
        ratings.put("组织部", List.of(List.of(0.9, 95.0), List.of(0.85, 92.5)));
        ratings.put("宣传部", List.of(List.of(0.4, 70.0)));

        SignalCharts charts = SignalCharts.bounded(names, shares, ratings);

        assertThat(charts.departments()).containsExactlyElementsOf(names);
        assertThat(charts.voteShares()).containsExactlyElementsOf(shares);
        assertThat(charts.departmentsInAll()).isEqualTo(2);
        assertThat(charts.departmentsLeftOut()).isFalse();
        assertThat(charts.ratings()).isEqualTo(ratings);
        assertThat(charts.ratingsCounted()).isFalse();
        assertThat(charts.cadresInAll()).isEqualTo(3);
    }

    @Test
    void beyondFortyDepartmentsTheFortyFurthestFromTheCitysVotesAreDrawnFurthestFirstAndTheCityLast() {
        // department i is i hundredths of 好 away from the city (the difference moved to 较差): distance 2i/100
        List<String> names = new ArrayList<>();
        List<List<Double>> shares = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            names.add("D" + i);
            shares.add(List.of(0.5 - i / 100.0, 0.3, 0.15, 0.05 + i / 100.0));
        }
        names.add("全市 city");
        shares.add(CITY);

        SignalCharts charts = SignalCharts.bounded(names, shares, Map.of());

        assertThat(charts.departments()).hasSize(41).startsWith("D49", "D48", "D47").endsWith("D10", "全市 city")
                .doesNotContain("D0", "D9");
        assertThat(charts.voteShares().get(0)).isEqualTo(shares.get(49));
        assertThat(charts.voteShares().get(40)).isEqualTo(CITY);
        assertThat(charts.departmentsInAll()).isEqualTo(50);
        assertThat(charts.departmentsLeftOut()).isTrue();
    }

    @Test
    void departmentsAsFarFromTheCityKeepTheirImportOrder() {
        List<String> names = new ArrayList<>();
        List<List<Double>> shares = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            names.add("D" + i);
            shares.add(i % 2 == 0 ? List.of(0.9, 0.1, 0.0, 0.0) : CITY); // the 23 even ones equally far
        }
        names.add("全市 city");
        shares.add(CITY);

        List<String> drawn = SignalCharts.bounded(names, shares, Map.of()).departments();

        List<String> evens = new ArrayList<>();
        for (int i = 0; i < 45; i += 2) {
            evens.add("D" + i);
        }
        assertThat(drawn.subList(0, 23)).containsExactlyElementsOf(evens);
        assertThat(drawn.subList(23, 40)).containsExactly("D1", "D3", "D5", "D7", "D9", "D11", "D13", "D15", "D17", "D19",
                "D21", "D23", "D25", "D27", "D29", "D31", "D33");
    }

    @Test
    void beyondTwoThousandCadresTheyAreCountedInCellsOfAShareStepByOnePointOfRating() {
        Map<String, List<List<Double>>> ratings = new LinkedHashMap<>();
        List<List<Double>> a = new ArrayList<>();
        List<List<Double>> b = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            a.add(List.of(0.8, 90.0)); // 1,500 in the cell (0.8, 90)
        }
        for (int i = 0; i < 600; i++) {
            b.add(List.of(0.824, 90.4)); // 0.824 is nearer 0.8 than 0.85; 90.4 nearer 90: the same cell
        }
        b.add(List.of(0.83, 90.5)); // (0.85, 91): half a point of rating rounds up
        b.add(List.of(0.0, 59.6));   // (0, 60)
        ratings.put("组织部", a);
        ratings.put("宣传部", b);

        SignalCharts charts = SignalCharts.bounded(List.of("组织部", "宣传部", "全市 city"),
                List.of(CITY, CITY, CITY), ratings);

        assertThat(charts.ratingsCounted()).isTrue();
        assertThat(charts.cadresInAll()).isEqualTo(2102);
        assertThat(charts.ratings()).containsOnlyKeys("全市 city");
        assertThat(charts.ratings().get("全市 city")).containsExactly(
                List.of(0.0, 60.0, 1.0), List.of(0.8, 90.0, 2100.0), List.of(0.85, 91.0, 1.0));
        assertThat(charts.departments()).containsExactly("组织部", "宣传部", "全市 city");
    }

    @Test
    void twoThousandCadresAreStillDrawnOneByOne() {
        List<List<Double>> points = new ArrayList<>();
        for (int i = 0; i < SignalCharts.POINTS; i++) {
            points.add(List.of(0.5, 80.0));
        }
        SignalCharts charts = SignalCharts.bounded(List.of("组织部", "全市 city"), List.of(CITY, CITY), Map.of("组织部", points));
        assertThat(charts.ratingsCounted()).isFalse();
        assertThat(charts.ratings().get("组织部")).hasSize(SignalCharts.POINTS);
    }

    @Test
    void chartsStoredBeforeTheBoundAreCutWhenReadAndNewOnesReadBackAsStored() {
        StringBuilder departments = new StringBuilder("[");
        StringBuilder shares = new StringBuilder("[");
        StringBuilder points = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            departments.append("\"D").append(i).append("\",");
            shares.append(i == 7 ? "[0.1,0.1,0.1,0.7]," : "[0.5,0.3,0.15,0.05],");
        }
        for (int i = 0; i < 2500; i++) {
            points.append(i == 0 ? "" : ",").append("[0.5,80.0]");
        }
        String old = "{\"departments\":" + departments + "\"全市 city\"],\"voteShares\":" + shares + "[0.5,0.3,0.15,0.05]],"
                + "\"ratings\":{\"D0\":" + points + "]}}"; // as a run stored before the bound holds them

        SignalCharts read = SignalCharts.fromJson(old);

        assertThat(read.departments()).hasSize(41).startsWith("D7", "D0", "D1").endsWith("全市 city");
        assertThat(read.departmentsInAll()).isEqualTo(60);
        assertThat(read.ratings().get("全市 city")).containsExactly(List.of(0.5, 80.0, 2500.0));
        assertThat(SignalCharts.fromJson(read.json())).isEqualTo(read);
    }
}
