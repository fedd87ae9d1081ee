package org.kaohe.rules;

import org.kaohe.records.Target;

/** Derived once: a target done after its due date (RULEBOOK §3, earns the late factor). */
public record LateTarget(Target target) {}
