package org.kaohe.work;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts the requests being served (pages, API, every face the server has: a filter before all
 * others, security included), so that background work can give way to them: the results pages'
 * whole-run check pauses between its pieces while any request is in flight
 * ({@link #giveWay(Duration)}), for a bounded time, so that on a server with two cores a page
 * seldom waits for a core the check holds, and a server that is never idle still finishes its check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestsInFlight implements Filter {

    private int serving; // guarded by this
    private int givingWay; // guarded by this

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        begin();
        try {
            chain.doFilter(request, response);
        } finally {
            end();
        }
    }

    private synchronized void begin() {
        serving++;
    }

    private synchronized void end() {
        if (--serving == 0) {
            notifyAll();
        }
    }

    /**
     * Waits while any request is being served, at most {@code atMost} (then goes on, requests or
     * not); returns at once when none is. An interrupt ends the wait and is kept for the caller.
     */
    public synchronized void giveWay(Duration atMost) {
        if (serving == 0 || atMost.isZero() || atMost.isNegative()) {
            return;
        }
        long deadline = System.nanoTime() + atMost.toNanos();
        givingWay++;
        try {
            for (long left = atMost.toNanos(); serving > 0 && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            givingWay--;
        }
    }

    /** How many threads are waiting in {@link #giveWay} now: what a test (or a monitor) can look at. */
    public synchronized int givingWay() {
        return givingWay;
    }
}
