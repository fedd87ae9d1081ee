package org.kaohe.security;

import java.time.OffsetDateTime;

/** A lock-out in force: one account, from one source (remote address), after so many failed logins in a row. */
public record Lockout(String username, String source, int failures, OffsetDateTime until) {}
