/**
 * Heavy work on one instance ({@link org.kaohe.work.HeavyWork}): the few permits imports, rulebook
 * checks, publications, simulations, replays and exports of a whole run share, the short queue
 * before them, and each running piece as a cancellable job with a time limit; and work handed to
 * another thread waited for as if it ran on the caller's ({@link org.kaohe.work.Futures}); the requests
 * being served, counted so that background work can give way to them ({@link org.kaohe.work.RequestsInFlight}).
 * Depends only on {@code errors}; every module whose use cases are heavy goes through it.
 */
package org.kaohe.work;
