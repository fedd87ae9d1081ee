package org.kaohe.rules.engine;

import java.math.BigDecimal;
import java.util.List;

/** What a session gives for one subject: its lines (in reading order), their sum, and the gates that apply. */
record ScoredSubject(Subject subject, List<ScoreLine> lines, BigDecimal score, List<GateHit> gates,
                     BigDecimal targetsPoints) {}
