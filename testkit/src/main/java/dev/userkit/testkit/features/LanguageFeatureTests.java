package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.accounts.Accounts;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.spi.UserRecord;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * M3: the language a user reads mail in is stored with the account and reads back equal.
 *
 * <p>If a test fails while the port contracts pass, check the {@code UserStore}'s mapping of
 * {@code User.locale()}: it is stored as its BCP 47 language tag ({@code Locale.toLanguageTag()})
 * and read back with {@code Locale.forLanguageTag}, and null stays null (no column value, no field).
 */
public abstract class LanguageFeatureTests extends IdentityFixture {
    private static final Locale AUSTRIAN = Locale.forLanguageTag("de-AT");
    /** A tag with a script, a region and a variant: every part must survive the store. */
    private static final Locale SERBIAN_LATIN = Locale.forLanguageTag("sr-Latn-RS-1994");

    @Test
    @DisplayName("M3 [required] a language given at registration reads back equal by id, username, email, listing and session")
    void registeredLanguageRoundTrips() {
        UserKit kit = kit(config().activateOnSignup(true).build());
        Accounts accounts = kit.accounts();
        UserId id = accounts.register(NewUser.builder("lena", "lena@example.org").password(PASSWORD).locale(AUSTRIAN).build(), null).userId();

        assertThat(stores.users().findById(id).orElseThrow().user().locale()).isEqualTo(AUSTRIAN);
        assertThat(accounts.findByUsername("lena").orElseThrow().locale()).isEqualTo(AUSTRIAN);
        assertThat(accounts.findByEmail("lena@example.org").orElseThrow().locale()).isEqualTo(AUSTRIAN);
        assertThat(accounts.list(null, 10)).singleElement().extracting(User::locale).isEqualTo(AUSTRIAN);
        String token = kit.sessions().login("lena", PASSWORD, null).token();
        assertThat(kit.sessions().validate(token).user().orElseThrow().locale()).isEqualTo(AUSTRIAN);
    }

    @Test
    @DisplayName("M3 [required] a user registered without a language has none stored")
    void noLanguageIsNull() {
        UserId id = kit().accounts().register(user("mia"), null).userId();
        assertThat(stores.users().findById(id).orElseThrow().user().locale()).isNull();
    }

    @Test
    @DisplayName("M3 [required] updateLocale stores a language with script, region and variant, changes it and clears it")
    void updateLocaleRoundTrips() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(user("noah"), null).userId();
        long version = stores.users().findById(id).orElseThrow().version();

        assertThat(accounts.updateLocale(id, SERBIAN_LATIN).locale()).isEqualTo(SERBIAN_LATIN);
        UserRecord stored = stores.users().findById(id).orElseThrow();
        assertThat(stored.user().locale()).isEqualTo(SERBIAN_LATIN);
        assertThat(stored.version()).isEqualTo(version + 1);
        assertThat(stored.user().email().value()).isEqualTo("noah@example.org");

        accounts.updateLocale(id, Locale.GERMAN);
        assertThat(stores.users().findById(id).orElseThrow().user().locale()).isEqualTo(Locale.GERMAN);
        accounts.updateLocale(id, null);
        assertThat(stores.users().findById(id).orElseThrow().user().locale()).isNull();
    }

    @Test
    @DisplayName("M3 A18 [required] the export of a user names the stored language by its tag")
    void exportNamesTheLanguage() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(NewUser.builder("quinn", "quinn@example.org").password(PASSWORD).locale(AUSTRIAN).build(), null).userId();
        assertThat(accounts.exportUser(id)).contains("\"locale\" : \"de-AT\"");
    }

    @Test
    @DisplayName("M3 [required] a language without a language subtag, ill-formed or over 35 characters is 1016 and changes nothing")
    void badLanguageRefused() {
        Accounts accounts = kit().accounts();
        UserId id = accounts.register(NewUser.builder("olga", "olga@example.org").password(PASSWORD).locale(Locale.ENGLISH).build(), null).userId();
        Locale tooLong = new Locale.Builder().setLanguageTag("de-DE-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh").build();

        for (Locale bad : new Locale[] {Locale.ROOT, tooLong, new Locale("not a language"), new Locale("de", "AT", "x y")}) {
            assertCode(ErrorCode.INVALID_LOCALE, () -> accounts.updateLocale(id, bad));
            assertCode(ErrorCode.INVALID_LOCALE, () -> accounts.register(
                    NewUser.builder("pia", "pia@example.org").password(PASSWORD).locale(bad).build(), null));
        }
        assertThat(stores.users().findById(id).orElseThrow().user().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(accounts.findByUsername("pia")).isEmpty();
    }
}
