package org.kaohe.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole application on one shared in-memory H2 database, with MockMvc: every test class that
 * carries this annotation (and nothing that changes the configuration) runs in the same Spring
 * context, started once per test JVM. Before each class the database is put back as the application
 * left it after its start ({@link FreshDatabase}), so a class sees what it would on a new database,
 * whatever ran before; generated ids are not reset, so they are unique across the run.
 *
 * <p>Passwords are hashed at BCrypt's lowest cost here: these tests are not about hashing.
 * Tests about passwords ({@code UsersCommandTest}) use the real cost.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(properties = {KaoheTest.DATABASE, KaoheTest.CHEAP_PASSWORDS})
@AutoConfigureMockMvc
@TestExecutionListeners(listeners = FreshDatabase.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface KaoheTest {

    String DATABASE = "spring.datasource.url=jdbc:h2:mem:kaohe-test;DB_CLOSE_DELAY=-1";
    /** BCrypt's lowest cost: 16 rounds instead of 1,024. */
    String CHEAP_PASSWORDS = "kaohe.security.bcrypt-strength=4";
}
