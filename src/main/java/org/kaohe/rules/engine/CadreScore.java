package org.kaohe.rules.engine;

import java.math.BigDecimal;

import org.kaohe.records.SourceRef;

/** A cadre's final score S, given to the department session for the cadres' mean part (干部队伍). */
public record CadreScore(String deptId, String cadreId, BigDecimal score, SourceRef source) {}
