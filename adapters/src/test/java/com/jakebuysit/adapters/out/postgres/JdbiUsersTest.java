package com.jakebuysit.adapters.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.InvalidCursor;
import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accounts on the real PostgreSQL: round trip, optimistic lock, unique email, search with cursors. */
class JdbiUsersTest {

    private static TestDatabase db;
    private static JdbiUsers users;
    private static JdbiTransactor transactor;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.migrated("jdbiusers");
        users = new JdbiUsers(db.jdbi());
        transactor = new JdbiTransactor(db.jdbi());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @Test
    void an_account_reads_back_as_it_was_written() {
        User user = Accounts.anAccount("Ann Example", Instant.parse("2025-01-02T03:04:05.123456Z"))
                .withProfile("Ann Example", Optional.of("+1 555 0100"));

        users.insert(user);

        assertThat(users.byId(user.id())).contains(user);
        assertThat(users.byEmail(user.email())).contains(user);
        assertThat(transactor.inTransaction(() -> users.lockById(user.id()))).contains(user);
        assertThat(users.byId(UserId.random())).isEmpty();
    }

    @Test
    void an_account_without_a_password_reads_back_without_one() {
        User user = User.register(UserId.random(), Email.of("oauth-" + UUID.randomUUID() + "@example.com"),
                Optional.empty(), "", Optional.empty(), TrustScore.of(50), Instant.parse("2025-01-01T00:00:00Z"))
                .linkedTo(IdentityProvider.GOOGLE, "google-sub-" + UUID.randomUUID());

        users.insert(user);

        User read = users.byId(user.id()).orElseThrow();
        assertThat(read.passwordHash()).isEmpty();
        assertThat(users.byProviderSubject(IdentityProvider.GOOGLE, user.providerSubjects().get(IdentityProvider.GOOGLE)))
                .contains(read);
        assertThat(users.byProviderSubject(IdentityProvider.APPLE, user.providerSubjects().get(IdentityProvider.GOOGLE)))
                .isEmpty();
    }

    @Test
    void a_second_account_with_the_same_email_is_refused() {
        User first = Accounts.anAccount("First");
        users.insert(first);
        User second = User.register(UserId.random(), first.email(), Optional.empty(), "Second", Optional.empty(),
                TrustScore.of(50), Instant.now());

        assertThatThrownBy(() -> users.insert(second)).isInstanceOf(Users.EmailTaken.class);
        assertThat(users.byId(second.id())).isEmpty();
    }

    @Test
    void an_update_writes_the_fields_and_bumps_the_version() {
        User user = Accounts.anAccount("Before");
        users.insert(user);

        User updated = users.update(user.withProfile("After", Optional.of("+44 20 7946 0000"))
                .withRoles(EnumSet.of(Role.USER, Role.REVIEWER)).withBanned(true).withTrustScore(TrustScore.of(71))
                .withPasswordHash("$2a$10$another").linkedTo(IdentityProvider.APPLE, "apple-" + UUID.randomUUID()));

        assertThat(updated.version()).isEqualTo(user.version() + 1);
        assertThat(updated.name()).isEqualTo("After");
        assertThat(updated.phone()).contains("+44 20 7946 0000");
        assertThat(updated.roles()).containsExactlyInAnyOrder(Role.USER, Role.REVIEWER);
        assertThat(updated.banned()).isTrue();
        assertThat(updated.trustScore()).isEqualTo(TrustScore.of(71));
        assertThat(updated.passwordHash()).contains("$2a$10$another");
        assertThat(updated.providerSubjects()).containsKey(IdentityProvider.APPLE);
        assertThat(users.byId(user.id())).contains(updated);
    }

    @Test
    void an_update_from_a_stale_read_is_refused_and_changes_nothing() {
        User user = Accounts.anAccount("Stale");
        users.insert(user);
        users.update(user.withProfile("First writer", Optional.empty()));

        assertThatThrownBy(() -> users.update(user.withProfile("Second writer", Optional.empty())))
                .isInstanceOf(ConcurrentUpdate.class);
        assertThat(users.byId(user.id()).orElseThrow().name()).isEqualTo("First writer");
    }

    @Test
    void search_pages_through_matches_newest_first_without_gaps_or_repeats() {
        String marker = "pager" + UUID.randomUUID().toString().substring(0, 6);
        Instant base = Instant.parse("2024-03-01T00:00:00Z");
        List<User> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two share a creation time, so the id must break the tie.
            User user = Accounts.anAccount(marker + " " + i, base.plusSeconds(i == 6 ? 5 : i));
            users.insert(user);
            made.add(user);
        }
        users.insert(Accounts.anAccount("unrelated"));

        List<User> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<User> page = users.search(marker.toUpperCase(), cursor, 3);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        for (int i = 1; i < seen.size(); i++) {
            User before = seen.get(i - 1);
            User after = seen.get(i);
            assertThat(before.createdAt().compareTo(after.createdAt()) > 0
                    || before.createdAt().equals(after.createdAt())
                    // PostgreSQL orders UUIDs as unsigned bytes, like their hex text; UUID.compareTo does not.
                    && before.id().toString().compareTo(after.id().toString()) > 0).isTrue();
        }
    }

    @Test
    void search_treats_like_wildcards_in_the_query_as_text() {
        User percent = Accounts.anAccount("Hundred % Sure");
        users.insert(percent);

        assertThat(users.search("% sure", Optional.empty(), 50).items()).containsExactly(percent);
        assertThat(users.search("_undred", Optional.empty(), 50).items()).isEmpty();
    }

    @Test
    void a_cursor_we_did_not_make_is_refused() {
        assertThatThrownBy(() -> users.search("", Optional.of("not-a-cursor"), 10)).isInstanceOf(InvalidCursor.class);
    }
}
