package org.kaohe.rules;

import org.kaohe.records.SubjectType;
import org.kaohe.records.Target;

/** Derived once: a key-work target whose actual reaches the overfulfilment ratio times planned (超额完成重点工作). */
public record OverfulfilledKeyWork(SubjectType ownerType, String ownerId, Target target) {}
