package org.kaohe.results;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kaohe.errors.SealBrokenException;
import org.kaohe.scoring.ExplanationLine;
import org.springframework.stereotype.Component;

/**
 * The one checker of a run's seal chain, quarterly or annual, against what {@link RunChainWriter}
 * wrote: each row's own seal (over the run's header, its result, its lines' digest and the key of
 * the row before), the chain between rows (a deleted row is named by the row that points at it),
 * the number of rows and the run's seal over them all; and, apart, a subject's lines against their
 * sealed digest. Each problem names its row, worded once here for both kinds of run.
 */
@Component
public class RunChainChecker {

    /** What checking the rows found: each altered row by its key ({@code CADRE/C0001}), and every problem in order. */
    public record Found(Map<String, String> alteredRows, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private final RunSealer sealer;

    public RunChainChecker(RunSealer sealer) {
        this.sealer = sealer;
    }

    /**
     * The rows as stored (in any order) against the header they were sealed under, the number of
     * rows and the run's seal. Lines are not read: each row's seal covers its stored lines' digest.
     */
    public Found checkRows(RunSealer.Header header, int sealedCount, String runSeal, List<StoredSubject> stored) {
        Map<String, String> altered = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        List<StoredSubject> chain = stored.stream()
                .sorted((a, b) -> RunSealer.ORDER.compare(a.result(), b.result())).toList();
        Set<String> present = new HashSet<>();
        chain.forEach(s -> present.add(s.key()));
        for (StoredSubject s : chain) {
            if (!rowIntact(header, s)) {
                altered.put(s.key(), rowAltered(s.key()));
                problems.add(rowAltered(s.key()));
            }
            if (s.previousSubject() != null && !present.contains(s.previousSubject())) {
                problems.add("缺少对象 " + s.previousSubject() + ":该行已被删除 / subject " + s.previousSubject()
                        + " missing: its row was deleted");
            }
        }
        if (chain.size() != sealedCount) {
            problems.add("运行封印时有 " + sealedCount + " 个对象,现存 " + chain.size() + " 个 / the run was sealed with "
                    + sealedCount + " subjects, " + chain.size() + " are stored");
        }
        String recomputed = sealer.runSeal(header, chain.stream().map(s -> s.seal() == null ? "" : s.seal()).toList());
        if (problems.isEmpty() && !recomputed.equals(runSeal)) {
            problems.add("运行封印不符 / the run's seal does not match its rows");
        }
        return new Found(altered, problems);
    }

    /** The row's own seal holds for its stored result, lines' digest and previous key under the header. */
    public boolean rowIntact(RunSealer.Header header, StoredSubject s) {
        return s.seal() != null
                && s.seal().equals(sealer.subjectSeal(header, s.result(), s.linesDigest(), s.previousSubject()));
    }

    /** The lines read back have the digest the row's seal covers. */
    public boolean linesIntact(String sealedDigest, List<ExplanationLine> lines) {
        return sealer.linesDigest(lines).equals(sealedDigest);
    }

    /** True when the lines' sealed digest is that of no lines at all (a subject stored without any). */
    public boolean noLines(String sealedDigest) {
        return sealer.linesDigest(List.of()).equals(sealedDigest);
    }

    /** True when a run sealed under the key id can be checked here: this installation's key. */
    public boolean ourKey(String keyId) {
        return keyId != null && keyId.equals(sealer.keyId());
    }

    /** The run was sealed under another key than this installation's, if so, as a problem naming both. */
    public java.util.Optional<String> otherKey(String runChinese, String runEnglish, String keyId) {
        if (ourKey(keyId)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(runChinese + " 由密钥 " + keyId + " 封印,本系统的密钥为 " + sealer.keyId()
                + ",请从备份恢复密钥文件 / " + runEnglish + " was sealed under key " + keyId
                + ", this installation's key is " + sealer.keyId() + ": restore the key file from the backup");
    }

    /** A subject a sealed run names but no longer holds: every per-subject path answers this. */
    public static SealBrokenException missingFromRun(String subjectId, String runChinese, String runEnglish,
                                                     String verifyCommand) {
        return new SealBrokenException("对象 " + subjectId + " 已从封印的" + runChinese + " 中缺失:其结果行被删除 / subject "
                + subjectId + " is missing from sealed " + runEnglish + ": its result row was deleted",
                List.of("请运行 " + verifyCommand + " / run `" + verifyCommand + "`"));
    }

    public static String rowAltered(String key) {
        return "对象 " + key + " 的结果与封印不符:已被改动或伪造 / subject " + key
                + ": the result does not match its seal (altered or forged)";
    }

    public static String linesAltered(String key) {
        return "对象 " + key + " 的得分明细与封印不符:明细被改动、增加或删除 / subject " + key
                + ": its explanation lines were altered, added or deleted";
    }
}
