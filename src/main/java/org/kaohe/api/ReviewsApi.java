package org.kaohe.api;

import java.util.List;

import org.kaohe.records.Period;
import org.kaohe.reviews.Review;
import org.kaohe.reviews.ReviewService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reviews (复核) of a period, counted by state (every logged-in user). */
@RestController
@RequestMapping("/api")
@Tag(name = "reviews", description = "复核 / reviews of results")
class ReviewsApi {

    record PeriodReviews(String period, long total, long open, long maintained, long changed, List<Review> reviews) {}

    private final ReviewService reviews;

    ReviewsApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/periods/{period}/reviews")
    @Operation(summary = "考核期的复核及其计数 / a period's reviews, counted as open, maintained (维持) and changed (变更)")
    PeriodReviews ofPeriod(@PathVariable String period) {
        Period p = Period.parse(period);
        List<Review> list = reviews.list(p);
        long open = list.stream().filter(Review::open).count();
        long maintained = list.stream().filter(r -> r.decision() == Review.Decision.MAINTAIN).count();
        return new PeriodReviews(p.toString(), list.size(), open, maintained, list.size() - open - maintained, list);
    }
}
