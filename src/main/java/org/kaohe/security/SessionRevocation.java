package org.kaohe.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a user's web sessions on every instance: they are kept in the database (Spring Session
 * JDBC), indexed by principal name, so deleting them there logs the user out everywhere at their
 * next request. The web server uses Spring Session's own repository; the command line, which has
 * none (no web), one on the same tables, so {@code users disable} ends the sessions too.
 */
@Component
class SessionRevocation {

    private static final Logger log = LoggerFactory.getLogger(SessionRevocation.class);

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> webSessions;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    SessionRevocation(ObjectProvider<FindByIndexNameSessionRepository<?>> webSessions, JdbcTemplate jdbc,
                      PlatformTransactionManager transactions) {
        this.webSessions = webSessions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Ends every session of the user but {@code keep} (the id of the session making the change, or
     * null for none), once the surrounding transaction has committed: a session opened in between
     * would otherwise carry the old rights past the change.
     */
    void endSessionsOf(String username, String keep) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username, keep);
                }
            });
        } else {
            end(username, keep);
        }
    }

    private void end(String username, String keep) {
        FindByIndexNameSessionRepository<?> sessions = webSessions.getIfAvailable(this::onTheSameTables);
        Set<String> ids = sessions.findByPrincipalName(username).keySet();
        int ended = 0;
        for (String id : ids) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        if (ended > 0) {
            log.debug("Ended {} session(s) of {}", ended, username);
        }
    }

    private FindByIndexNameSessionRepository<?> onTheSameTables() {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new JdbcIndexedSessionRepository(jdbc, own);
    }
}
