package dev.triad.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real WordPress for the WooCommerce plugin's tests: release 6.5.5 as {@code @wp-playground/wordpress-builds}
 * bundles it, on the SQLite database integration plugin it bundles too (installed as that plugin's readme says:
 * its {@code db.copy} becomes {@code wp-content/db.php}), run by Debian's PHP. WooCommerce is in no registry
 * here: its place is taken by the test double in platforms/woocommerce/tests/woocommerce-double. The plugin
 * is installed from its zip, as a merchant uploads it.
 */
public final class WordPressSite {

    public static final Path BUILDS = Path.of("src", "test", "js", "node_modules", "@wp-playground", "wordpress-builds",
            "src");
    public static final Path PLUGIN_ZIP = Path.of("target", "triad-for-woocommerce.zip");
    public static final Path TESTS = Path.of("platforms", "woocommerce", "tests");

    private WordPressSite() {
    }

    /** Skips (saying why) where PHP, PHPUnit or the WordPress builds are missing; .ci/run installs all three. */
    public static void requirePhp() throws IOException, InterruptedException {
        String missing = null;
        if (!runs("php", "-r", "exit(extension_loaded('pdo_sqlite') && extension_loaded('curl') ? 0 : 1);")) {
            missing = "PHP with pdo_sqlite and curl is not installed (apt-get install php-cli php-sqlite3 php-curl php-xml php-mbstring)";
        } else if (!runs("phpunit", "--version")) {
            missing = "PHPUnit is not installed (apt-get install phpunit)";
        } else if (!Files.isDirectory(BUILDS)) {
            missing = "@wp-playground/wordpress-builds is not installed (npm ci --prefix src/test/js)";
        }
        if (missing != null) {
            System.out.println("WORDPRESS TESTS SKIPPED: " + missing);
        }
        Assumptions.assumeTrue(missing == null, "WordPress tests skipped: " + missing);
    }

    /** Unpacks WordPress, the SQLite integration, WooCommerce's double and the plugin's zip into {@code site}, and installs. */
    public static Path install(Path site) throws IOException, InterruptedException {
        if (Files.exists(site)) {
            try (Stream<Path> old = Files.walk(site)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path root = Files.createDirectories(site).toAbsolutePath();
        unzip(BUILDS.resolve("wordpress").resolve("wp-6.5.zip"), root);
        Files.deleteIfExists(root.resolve("wp-content/database/.ht.sqlite")); // the playground's own install: ours is fresh
        Path plugins = root.resolve("wp-content/plugins");
        unzip(BUILDS.resolve("sqlite-database-integration").resolve("sqlite-database-integration.zip"), plugins);
        Path sqlite = plugins.resolve("sqlite-database-integration");
        Files.move(plugins.resolve("sqlite-database-integration-main"), sqlite);
        Files.writeString(root.resolve("wp-content/db.php"), Files.readString(sqlite.resolve("db.copy"))
                .replace("{SQLITE_IMPLEMENTATION_FOLDER_PATH}", sqlite.toString())
                .replace("{SQLITE_PLUGIN}", "sqlite-database-integration/load.php"));
        Files.writeString(root.resolve("wp-config.php"), CONFIG);
        Path mu = Files.createDirectories(root.resolve("wp-content/mu-plugins"));
        Files.writeString(mu.resolve("no-mail.php"), "<?php add_filter( 'pre_wp_mail', '__return_false' ); // no sendmail here\n");
        copy(TESTS.resolve("woocommerce-double"), plugins.resolve("woocommerce"));
        unzip(PLUGIN_ZIP, plugins);
        ProcessBuilder installer = new ProcessBuilder("php", TESTS.resolve("install-wordpress.php").toString())
                .redirectErrorStream(true);
        installer.environment().put("WP_ROOT", root.toString());
        Process install = installer.start();
        install.getOutputStream().close();
        String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (install.waitFor() != 0) {
            throw new IllegalStateException("WordPress did not install:\n" + output);
        }
        System.out.print(output);
        return root;
    }

    private static final String CONFIG = """
            <?php
            // Triad's test store: WordPress on SQLite (wp-content/db.php), at http://shop.example.
            define( 'DB_NAME', 'wordpress' );
            define( 'DB_USER', '' );
            define( 'DB_PASSWORD', '' );
            define( 'DB_HOST', '' );
            define( 'DB_CHARSET', 'utf8' );
            define( 'DB_COLLATE', '' );
            define( 'DB_DIR', __DIR__ . '/wp-content/database/' );
            define( 'DB_FILE', '.ht.sqlite' );
            foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $key ) {
            	define( $key, 'triad test ' . $key );
            }
            $table_prefix = 'wp_';
            define( 'WP_HOME', 'http://shop.example' );
            define( 'WP_SITEURL', 'http://shop.example' );
            define( 'WP_DEBUG', true );
            define( 'WP_DEBUG_DISPLAY', true );
            if ( ! defined( 'ABSPATH' ) ) {
            	define( 'ABSPATH', __DIR__ . '/' );
            }
            require_once ABSPATH . 'wp-settings.php';
            """;

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream file = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(file)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("zip entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
