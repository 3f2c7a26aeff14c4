package io.palisade.sample.bookstore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Produces the bookstore's DataSource, created and seeded on first use: H2 in memory by default, or
 * a real PostgreSQL server (embedded, bound to 127.0.0.1) when {@code SAMPLE_DB=postgres} (or the
 * system property {@code sample.db}).
 */
@ApplicationScoped
public class Database {

    /** The embedded PostgreSQL server, when there is one; typed loosely so that servers without it can load this class. */
    private AutoCloseable postgres;

    private DataSource created;

    /** The connection pool, when HikariCP is there (the embedded runtime). */
    private ConnectionPool pool;

    /** The books' DataSource (the first of the ways a DataSource reaches an application: a producer). */
    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        return created();
    }

    /** The database itself, created and seeded on first use, as the application made it (not as produced). */
    synchronized DataSource created() {
        if (created == null) {
            created = create();
        }
        return created;
    }

    private DataSource create() {
        String kind = System.getProperty("sample.db", System.getenv().getOrDefault("SAMPLE_DB", "h2"))
                .toLowerCase(Locale.ROOT);
        DataSource dataSource;
        switch (kind) {
            case "h2":
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:bookstore-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
                dataSource = h2;
                break;
            case "postgres":
            case "postgresql":
                EmbeddedPostgresDatabase embedded = EmbeddedPostgresDatabase.start();
                postgres = embedded;
                dataSource = embedded.dataSource();
                break;
            default:
                throw new IllegalArgumentException("SAMPLE_DB must be h2 or postgres, not '" + kind + "'");
        }
        seed(dataSource);
        // A pool in front, as real deployments have (the servers bring their own; the WAR has no HikariCP).
        pool = ConnectionPool.wrap(dataSource, "bookstore-" + kind);
        return pool != null ? pool.dataSource() : dataSource;
    }

    /** Makes the pool open new connections (a test that changes a database-wide setting needs them). */
    public synchronized void renewConnections() {
        if (pool != null) {
            pool.renew();
        }
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    private static void seed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200) NOT NULL,"
                    + " author VARCHAR(200) NOT NULL, published INT NOT NULL, publisher VARCHAR(100) NOT NULL)");
            // Fifty books. Ids 1 to 8 are the ones the tests name; no later title sorts before
            // 'Dracula' or contains 'Emma', and no later author sorts before 'Bram Stoker'.
            statement.execute("INSERT INTO books VALUES"
                    + " (1, 'Pride and Prejudice', 'Jane Austen', 1813, 'Egerton'),"
                    + " (2, 'Emma', 'Jane Austen', 1815, 'Murray'),"
                    + " (3, 'Moby-Dick', 'Herman Melville', 1851, 'Harper'),"
                    + " (4, 'Middlemarch', 'George Eliot', 1871, 'Blackwood'),"
                    + " (5, 'Dracula', 'Bram Stoker', 1897, 'Constable'),"
                    + " (6, 'Ulysses', 'James Joyce', 1922, 'Shakespeare and Company'),"
                    + " (7, 'Mrs Dalloway', 'Virginia Woolf', 1925, 'Hogarth'),"
                    + " (8, 'The Hobbit', 'J. R. R. Tolkien', 1937, 'Allen & Unwin'),"
                    + " (9, 'Great Expectations', 'Charles Dickens', 1861, 'Chapman & Hall'),"
                    + " (10, 'Jane Eyre', 'Charlotte Bronte', 1847, 'Smith, Elder'),"
                    + " (11, 'Wuthering Heights', 'Emily Bronte', 1847, 'Thomas Cautley Newby'),"
                    + " (12, 'Frankenstein', 'Mary Shelley', 1818, 'Lackington'),"
                    + " (13, 'War and Peace', 'Leo Tolstoy', 1869, 'The Russian Messenger'),"
                    + " (14, 'Madame Bovary', 'Gustave Flaubert', 1857, 'Michel Levy'),"
                    + " (15, 'The Brothers Karamazov', 'Fyodor Dostoevsky', 1880, 'The Russian Messenger'),"
                    + " (16, 'Les Miserables', 'Victor Hugo', 1862, 'Lacroix'),"
                    + " (17, 'Sense and Sensibility', 'Jane Austen', 1811, 'Egerton'),"
                    + " (18, 'Persuasion', 'Jane Austen', 1817, 'Murray'),"
                    + " (19, 'Northanger Abbey', 'Jane Austen', 1817, 'Murray'),"
                    + " (20, 'Oliver Twist', 'Charles Dickens', 1838, 'Bentley'),"
                    + " (21, 'Hard Times', 'Charles Dickens', 1854, 'Bradbury and Evans'),"
                    + " (22, 'The Picture of Dorian Gray', 'Oscar Wilde', 1890, 'Ward Lock'),"
                    + " (23, 'Heart of Darkness', 'Joseph Conrad', 1899, 'Blackwood'),"
                    + " (24, 'Lord Jim', 'Joseph Conrad', 1900, 'Blackwood'),"
                    + " (25, 'The Time Machine', 'H. G. Wells', 1895, 'Heinemann'),"
                    + " (26, 'The War of the Worlds', 'H. G. Wells', 1898, 'Heinemann'),"
                    + " (27, 'Treasure Island', 'Robert Louis Stevenson', 1883, 'Cassell'),"
                    + " (28, 'Kidnapped', 'Robert Louis Stevenson', 1886, 'Cassell'),"
                    + " (29, 'The Scarlet Letter', 'Nathaniel Hawthorne', 1850, 'Ticknor'),"
                    + " (30, 'Walden', 'Henry David Thoreau', 1854, 'Ticknor'),"
                    + " (31, 'Little Women', 'Louisa May Alcott', 1868, 'Roberts Brothers'),"
                    + " (32, 'The Adventures of Tom Sawyer', 'Mark Twain', 1876, 'Chatto & Windus'),"
                    + " (33, 'Huckleberry Finn', 'Mark Twain', 1884, 'Chatto & Windus'),"
                    + " (34, 'Siddhartha', 'Hermann Hesse', 1922, 'S. Fischer'),"
                    + " (35, 'The Trial', 'Franz Kafka', 1925, 'Die Schmiede'),"
                    + " (36, 'The Metamorphosis', 'Franz Kafka', 1915, 'Kurt Wolff'),"
                    + " (37, 'To the Lighthouse', 'Virginia Woolf', 1927, 'Hogarth'),"
                    + " (38, 'Orlando', 'Virginia Woolf', 1928, 'Hogarth'),"
                    + " (39, 'Dubliners', 'James Joyce', 1914, 'Grant Richards'),"
                    + " (40, 'Tess of the d''Urbervilles', 'Thomas Hardy', 1891, 'Osgood'),"
                    + " (41, 'Far from the Madding Crowd', 'Thomas Hardy', 1874, 'Smith, Elder'),"
                    + " (42, 'The Moonstone', 'Wilkie Collins', 1868, 'Tinsley'),"
                    + " (43, 'The Woman in White', 'Wilkie Collins', 1859, 'Sampson Low'),"
                    + " (44, 'North and South', 'Elizabeth Gaskell', 1855, 'Chapman & Hall'),"
                    + " (45, 'Vanity Fair', 'William Makepeace Thackeray', 1848, 'Bradbury and Evans'),"
                    + " (46, 'Kim', 'Rudyard Kipling', 1901, 'Macmillan'),"
                    + " (47, 'The Jungle Book', 'Rudyard Kipling', 1894, 'Macmillan'),"
                    + " (48, 'Gulliver''s Travels', 'Jonathan Swift', 1726, 'Motte'),"
                    + " (49, 'Robinson Crusoe', 'Daniel Defoe', 1719, 'Taylor'),"
                    + " (50, 'Ivanhoe', 'Walter Scott', 1819, 'Constable')");
            statement.execute("CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(50) NOT NULL UNIQUE,"
                    + " password_hash VARCHAR(100) NOT NULL)");
            statement.execute("INSERT INTO users VALUES (1, 'alice', 'sha256:2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90'),"
                    + " (2, 'bob', 'sha256:81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9')");
            statement.execute("CREATE TABLE sessions (token VARCHAR(64) PRIMARY KEY, user_id INT NOT NULL)");
            statement.execute("INSERT INTO sessions VALUES ('s-alice-7f3a', 1), ('s-bob-91c2', 2)");
            statement.execute("CREATE TABLE reviews (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, book_id INT NOT NULL,"
                    + " author VARCHAR(100) NOT NULL, body VARCHAR(2000) NOT NULL)");
            statement.execute("INSERT INTO reviews (book_id, author, body) VALUES (2, 'carol', 'Witty and warm.')");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the sample database", e);
        }
    }
}
