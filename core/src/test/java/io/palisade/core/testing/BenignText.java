package io.palisade.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * A seeded generator of text that real users type into search boxes, review forms, profile fields
 * and support tickets: prose with quotes and punctuation, names with apostrophes, code snippets in
 * several languages (shell above all, the hardest case for command-injection heuristics), paths,
 * URLs, e-mail addresses, markdown, maths, and text in several languages and scripts. Nothing in
 * it is an attack; a request rule that flags it is a false positive.
 *
 * <p>Deterministic: the same seed and count give the same list on every machine, so a rate measured
 * on it can be compared from one change to the next. Texts are unique.
 */
public final class BenignText {

    /** The seed the precision tests use. */
    public static final long SEED = 20261203L;
    /** How many texts the precision tests use. */
    public static final int COUNT = 20_000;

    private BenignText() {
    }

    /** The corpus the precision tests use: {@link #COUNT} texts from {@link #SEED}. */
    public static List<String> corpus() {
        return generate(SEED, COUNT);
    }

    public static List<String> generate(long seed, int count) {
        Random random = new Random(seed);
        Set<String> texts = new LinkedHashSet<>();
        List<Function<Random, String>> kinds = List.of(BenignText::prose, BenignText::name, BenignText::shell,
                BenignText::code, BenignText::path, BenignText::url, BenignText::email, BenignText::markdown,
                BenignText::maths, BenignText::foreign, BenignText::review, BenignText::question, BenignText::markup,
                BenignText::search);
        int attempts = 0;
        while (texts.size() < count && attempts < count * 50) {
            attempts++;
            texts.add(kinds.get(random.nextInt(kinds.size())).apply(random));
        }
        return new ArrayList<>(texts);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static final String[] FIRST = {"Anne", "Renée", "Zoë", "José", "Siobhán", "Seán", "Jean-Luc", "Mary-Jane",
        "Bjørn", "Łukasz", "Ängla", "François", "Nuño", "Chloë", "D'Arcy", "Ma'ayan", "Kai", "Aoife", "Dmitri", "Ngozi",
        "Oluwaseun", "Mei", "Hiroshi", "Ana Lucía", "Tomás", "Björk", "Øystein", "Noëlle", "Jürgen", "Ciarán", "Ève"};
    private static final String[] LAST = {"O'Brien", "O'Neil", "D'Angelo", "d'Anjou", "McDonald", "van der Berg",
        "de la Cruz", "Smith-Jones", "Ødegaard", "Müller", "Nuñez", "Dell'Acqua", "L'Estrange", "Al-Hassan", "Ó Súilleabháin",
        "N'Diaye", "St. John", "Fitzgerald", "Kowalski", "Nakamura", "Okonkwo", "García Márquez", "Brontë", "Le Guin"};
    private static final String[] TOPICS = {"the book", "this novel", "the sequel", "chapter 3", "the ending", "the audiobook",
        "the translation", "the first edition", "the paperback", "the author's notes", "the index", "the foreword"};
    private static final String[] FEELINGS = {"loved", "hated", "didn't finish", "re-read", "couldn't put down",
        "was lukewarm about", "gave up on", "bought twice", "lent out", "recommended"};

    static String prose(Random random) {
        String subject = pick(random, "I", "We", "My sister", "Our book club", "The kids", "My partner", "Everyone");
        String[] templates = {
            "%s %s %s; honestly, it's %s.",
            "%s %s %s -- and that's saying something!",
            "%s %s %s (mostly because of the %s).",
            "\"%s %s %s,\" she said, \"but the %s was odd.\"",
            "%s %s %s... then again, who hasn't?",
            "%s %s %s: 10/10, would read again & again.",
            "%s %s %s, 50%% for the plot and 50%% for the %s.",
            "Well -- %s %s %s; what else is there to say?",
            "%s %s %s. P.S. the %s is on p. 42 (2nd ed.).",
            "'%s %s %s' -- that's what I wrote in my journal; %s!"};
        String template = pick(random, templates);
        return String.format(template, subject, pick(random, FEELINGS), pick(random, TOPICS),
                pick(random, "pacing", "cover art", "map", "glossary", "prologue", "dialogue", "typeface", "epilogue",
                        "a delight", "not my cup of tea", "a page-turner", "over-hyped"));
    }

    static String name(Random random) {
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        return switch (random.nextInt(6)) {
            case 0 -> first + " " + last;
            case 1 -> last + ", " + first;
            case 2 -> first + " \"" + pick(random, "Bud", "Doc", "Ace", "Red") + "\" " + last;
            case 3 -> "Dr. " + first + " " + last + " (" + pick(random, "PhD", "MD", "retd.", "Jr.", "III") + ")";
            case 4 -> first + " & " + pick(random, FIRST) + " " + last;
            default -> last + " & Sons; est. " + (1850 + random.nextInt(170));
        };
    }

    private static final String[] SHELL = {
        "echo $HOME", "echo \"$PATH\"", "cat /var/log/syslog | tail -n 20", "tail -f /var/log/nginx/access.log",
        "ls -la ~/projects", "ls -lh /tmp", "grep -rn \"TODO\" src/", "grep -v '^#' config.ini | sort | uniq -c",
        "find . -name '*.java' -mtime -1", "sed -e 's/foo/bar/g' input.txt > output.txt", "sed -i.bak 's/\\t/ /g' data.tsv",
        "awk '{print $1}' access.log | sort | uniq -c | sort -rn | head", "awk -F, '{sum += $3} END {print sum}' sales.csv",
        "ps aux | grep java", "kill -9 12345", "chmod +x run.sh && ./run.sh", "export PATH=$PATH:/usr/local/bin",
        "tar -xzf archive.tar.gz -C /opt", "curl -s https://api.example.com/v1/items | jq '.items[0]'",
        "curl -X POST -H 'Content-Type: application/json' -d '{\"a\":1}' http://localhost:8080/api",
        "wget https://example.com/file.zip", "du -sh * | sort -h", "df -h /", "mkdir -p build/classes && cd build",
        "git log --oneline | head -5", "git diff HEAD~1 -- src/", "docker ps -a | grep postgres", "docker run --rm -it ubuntu bash",
        "mvn -q verify -DskipTests", "java -jar target/app.jar --port=8080", "python3 -m venv .venv && source .venv/bin/activate",
        "pip install -r requirements.txt", "npm install && npm run build", "cp ../images/logo.png ./public/",
        "ssh user@host 'uptime'", "scp report.pdf me@server:/home/me/", "rsync -av --delete src/ backup/",
        "ping -c 4 example.com", "nslookup example.com", "dig +short example.com MX", "uname -r", "whoami",
        "sudo systemctl restart nginx", "journalctl -u app --since today", "crontab -l", "history | grep ssh",
        "cat ~/.bashrc", "cat /etc/hosts", "head -n 100 big.csv > sample.csv", "wc -l *.txt", "xargs -n1 echo < list.txt",
        "for f in *.jpg; do convert \"$f\" \"${f%.jpg}.png\"; done", "while read line; do echo $line; done < file",
        "if [ -f ~/.profile ]; then . ~/.profile; fi", "echo $((3 + 4))", "date +%Y-%m-%d", "env | sort",
        "/usr/local/bin/python3 --version", "/usr/bin/env bash", "which python3", "sleep 5 && echo done",
        "nohup ./server.sh &", "time make -j4", "make clean; make", "echo 'hello' | base64", "openssl version",
        "brew install jq", "apt list --installed | grep ssl", "lsof -i :8080", "netstat -tlnp", "ss -s"};
    private static final String[] SHELL_WRAP = {"%s", "I tried `%s` but it fails", "Q: %s", "How do I run %s on Windows?",
        "`%s` prints nothing, why?", "Running \"%s\" gives permission denied", "%s -- what does that do?",
        "tip: %s", "After %s my disk was full.", "Is `%s` safe to run?", "$ %s", "In the README it says: %s",
        "%s (from the docs)", "Why does %s hang forever?", "Error when I type %s in zsh"};

    static String shell(Random random) {
        return String.format(pick(random, SHELL_WRAP), pick(random, SHELL));
    }

    private static final String[] CODE = {
        "for (int i = 0; i < n; i++) { sum += a[i]; }", "System.out.println(\"Hello, \" + name);",
        "Map<String, List<Integer>> m = new HashMap<>();", "if (a != null && a.isEmpty()) return;",
        "String s = String.format(\"%d items\", count);", "@GetMapping(\"/books/{id}\")", "try { run(); } catch (IOException e) { log(e); }",
        "def greet(name): return f\"Hello {name}\"", "print(\"50% done\")", "[x * 2 for x in range(10) if x % 2 == 0]",
        "with open('data.txt') as f: lines = f.readlines()", "import os; print(os.getcwd())", "lambda x: x ** 2",
        "const total = items.reduce((a, b) => a + b, 0);", "console.log(`Total: ${total}`);", "let x = y ?? 'default';",
        "document.getElementById('menu').classList.toggle('open');", "el.addEventListener('click', () => setOpen(!open));",
        "fetch('/api/books').then(r => r.json())", "const [a, setA] = useState(0);", "export default function App() {}",
        "SELECT title, author FROM books WHERE year > 1900 ORDER BY title;", "UPDATE users SET active = 1 WHERE id = 7;",
        "SELECT COUNT(*) FROM orders GROUP BY customer_id HAVING COUNT(*) > 3", "INSERT INTO t (a, b) VALUES (1, 'x');",
        "fn main() { println!(\"hi\"); }", "let v: Vec<u8> = Vec::new();", "func main() { fmt.Println(\"hi\") }",
        "#include <stdio.h>", "int main(void) { printf(\"%d\\n\", 42); return 0; }", "std::vector<int> v{1, 2, 3};",
        "$user = $_GET['name'] ?? 'guest';", "puts \"Hello #{name}\"", "val xs = listOf(1, 2, 3).map { it * 2 }",
        "case class Point(x: Int, y: Int)", "SELECT * FROM users WHERE name LIKE 'O''Brien%'", "x = a if b else c",
        "a[i] = b[j] & 0xFF;", "flags |= FLAG_READ | FLAG_WRITE;", "while (!done) { done = step(); }",
        "regex: ^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", "\\d{3}-\\d{4}", "{\"name\": \"Ann\", \"tags\": [\"a\", \"b\"]}",
        "key: value # yaml comment", "<dependency><groupId>org.example</groupId></dependency>", "body { margin: 0; }",
        ".btn:hover { color: #333; background: url(img/bg.png); }", "@media (max-width: 600px) { .nav { display: none; } }",
        "git commit -m \"Fix: handle nulls (#123)\"", "obj?.prop?.[key]", "a => b", "x <= y && y >= z", "i++; j--;"};

    static String code(Random random) {
        String snippet = pick(random, CODE);
        return switch (random.nextInt(5)) {
            case 0 -> snippet;
            case 1 -> "Why does `" + snippet + "` not compile?";
            case 2 -> "```\n" + snippet + "\n```";
            case 3 -> snippet + " // " + pick(random, "works", "TODO: fix", "see #12", "from StackOverflow", "why?");
            default -> "Example: " + snippet;
        };
    }

    static String path(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "/usr/local/" + pick(random, "bin/python3", "lib/node_modules", "share/man", "etc/app.conf");
            case 1 -> "../" + pick(random, "images/logo.png", "css/site.css", "README.md", "docs/guide.html", "lib/util.js");
            case 2 -> "./" + pick(random, "src/main/java", "scripts/build.sh", "data/2026/report.csv", "node_modules/.bin");
            case 3 -> "C:\\" + pick(random, "Users\\anne\\Documents\\report.docx", "Program Files\\App\\app.exe",
                    "Temp\\build.log", "Projects\\site\\index.html");
            case 4 -> "~/" + pick(random, "Downloads/book.epub", ".config/app/settings.json", "projects/palisade", "notes.txt");
            case 5 -> "src/" + pick(random, "components/Button.tsx", "main/resources/application.properties",
                    "test/java/FooTest.java", "lib.rs");
            case 6 -> pick(random, "photo_2026-12-03.jpg", "invoice #42.pdf", "résumé (final) v2.docx", "backup.tar.gz",
                    "my file (1).txt", "data.v1.2.json");
            case 7 -> "see " + pick(random, "../CHANGELOG.md", "docs/../README.md", "./docs/setup.md", "/var/www/html/index.html");
            default -> pick(random, "/home/anne/books", "/opt/app/logs/app.log", "/var/tmp", "/srv/data/export.csv",
                    "\\\\fileserver\\share\\docs");
        };
    }

    static String url(Random random) {
        String host = pick(random, "example.com", "www.example.org", "books.example.net", "localhost:8080", "127.0.0.1:3000",
                "sub.domain.example.co.uk", "例え.jp", "xn--bcher-kva.example");
        String path = pick(random, "", "/", "/search", "/books/42", "/a/b/c.html", "/wiki/O'Reilly_Media",
                "/path/with%20space", "/index.php", "/api/v1/items");
        String query = pick(random, "", "?q=java", "?q=tolkien&page=2", "?lang=fr&sort=-date", "?utm_source=news&utm_medium=email",
                "?q=rock+%26+roll", "?redirect=%2Fhome", "#section-3", "?a=1&b=2#top");
        return pick(random, "https://", "http://", "") + host + path + query;
    }

    static String email(Random random) {
        String local = pick(random, "anne", "j.o'brien", "first.last+books", "info", "team-42", "zoë", "a_b", "x");
        String domain = pick(random, "example.com", "mail.example.org", "example.co.uk", "uni.example.edu");
        return switch (random.nextInt(3)) {
            case 0 -> local + "@" + domain;
            case 1 -> "Contact me at " + local + "@" + domain + " (evenings only)";
            default -> "\"" + pick(random, FIRST) + " " + pick(random, LAST) + "\" <" + local + "@" + domain + ">";
        };
    }

    static String markdown(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "# " + pick(random, "Notes", "Reading list", "Q&A", "TODO") + "\n\n- " + pick(random, TOPICS) + "\n- "
                    + pick(random, TOPICS);
            case 1 -> "**" + pick(random, FEELINGS) + "** " + pick(random, TOPICS) + " _(really)_";
            case 2 -> "[" + pick(random, "the docs", "this link", "my blog") + "](" + url(random) + ")";
            case 3 -> "> " + prose(random);
            case 4 -> "1. " + pick(random, TOPICS) + "\n2. " + pick(random, TOPICS) + "\n3. profit";
            case 5 -> "Use `" + pick(random, "npm ci", "mvn verify", "git rebase -i", "ls | wc -l") + "` instead.";
            case 6 -> "![cover](" + pick(random, "../images/cover.jpg", "https://example.com/c.png", "./img/a.png") + ")";
            default -> "| a | b |\n|---|---|\n| " + random.nextInt(100) + " | " + random.nextInt(100) + " |";
        };
    }

    static String maths(Random random) {
        int a = random.nextInt(100);
        int b = random.nextInt(100) + 1;
        return switch (random.nextInt(8)) {
            case 0 -> a + " + " + b + " = " + (a + b);
            case 1 -> "x^2 + " + a + "x - " + b + " = 0";
            case 2 -> "f(x) = " + a + "x - " + b + "; f(" + b + ") = ?";
            case 3 -> a + " < " + b + " && " + b + " > " + a + " ?";
            case 4 -> a + "/" + b + " ≈ " + String.format("%.3f", (double) a / b);
            case 5 -> a + "% of " + b + " is " + String.format("%.2f", a * b / 100.0);
            case 6 -> "∑ i for i=1..n = n(n+1)/2, so for n=" + a + " it's " + (a * (a + 1) / 2);
            default -> "(" + a + " - " + b + ") * 2 = " + ((a - b) * 2) + " -- right?";
        };
    }

    private static final String[] FOREIGN = {
        "C'est l'histoire d'un homme qui n'avait peur de rien.", "Qu'est-ce que tu lis ? « Le Petit Prince » !",
        "Ich hab's gelesen – großartig, aber zu lang.", "Straße, Größe, Übermaß: Umlaute überall.",
        "¿Dónde está la biblioteca? ¡Allí!", "Me encantó el final; ¿y a ti?", "Não sei se é bom, mas é barato.",
        "L'autore è bravissimo, ma l'edizione è pessima.", "Książka jest świetna; polecam!", "Kitabı çok beğendim, ama çeviri kötü.",
        "Эта книга — лучшая из серии.", "Что почитать зимой?", "Αυτό το βιβλίο είναι υπέροχο.", "هذا الكتاب رائع جداً",
        "הספר הזה מצוין", "यह किताब बहुत अच्छी है।", "这本书很好看，推荐给大家！", "「吾輩は猫である」を読みました。",
        "이 책 정말 재미있어요!", "หนังสือเล่มนี้ดีมาก", "Cuốn sách này rất hay.", "Kirja oli hyvä; suosittelen.",
        "Boken var bra, men slutet – nja.", "De roman is prachtig; echt waar.", "Ο Καζαντζάκης έγραψε «Ο Ζορμπάς».",
        "📚 so good 😍👍", "Tolle Geschichte!!! 😂😂", "Ça coûte 12,50 € (TTC).", "¥1,200 で買いました。", "Price: £9.99 / $12"};

    static String foreign(Random random) {
        String text = pick(random, FOREIGN);
        return random.nextBoolean() ? text : text + " " + pick(random, FOREIGN);
    }

    static String review(Random random) {
        int stars = 1 + random.nextInt(5);
        return "★".repeat(stars) + "☆".repeat(5 - stars) + " " + prose(random) + " " + pick(random,
                "Would buy again.", "Shipping was slow; the box was dented.", "Thanks, " + pick(random, FIRST) + "!",
                "Compared to the movie? No contest.", "See my other reviews.", "PS: page 212 has a typo (\"teh\").",
                "The e-book's TOC links are broken -> fix pls.", "Price/quality: 8/10.", "Not for kids < 12.");
    }

    static String question(Random random) {
        return pick(random, "Is there a sequel to ", "Who translated ", "Where can I buy ", "What's the ISBN of ",
                "Any audiobook of ", "Why is ", "How long is ", "Can I return ") + pick(random, TOPICS) + pick(random,
                "?", "??", "?!", " (hardcover)?", " -- in French?", "; asking for a friend.", " & how much?");
    }

    /** Text that mentions markup, as developers and authors write it. */
    static String markup(Random random) {
        return pick(random,
                "Use the <template> element for that.", "How do I escape < and > in HTML?", "Wrap it in <b>bold</b> please",
                "The <div class=\"row\"> breaks on mobile", "Is <br/> or <br> correct?", "I <3 this book",
                "<p>Paragraph one</p><p>Paragraph two</p>", "Put a <script> tag at the end of <body> for speed",
                "What's the difference between <script defer> and <script async>?", "<a href=\"https://example.com\">link</a>",
                "<img src=\"cover.jpg\" alt=\"Cover of the book\">", "Why is my <iframe> blank?", "the <meta charset> tag",
                "<ul><li>one</li><li>two</li></ul>", "x < y and y > z", "a<b", "<<ancient>> notation", "-->",
                "<!-- comment -->", "&lt;tag&gt; is escaped", "AT&T and R&D", "&copy; 2026 Example Inc.",
                "onClick vs onclick in React?", "the onload event fires late", "how do I set window.location in a test?",
                "alert() is blocking, use a modal", "javascript: the good parts", "JavaScript: The Definitive Guide",
                "document.cookie is empty in Safari", "use encodeURIComponent() for the query",
                "<input type=\"text\" value=\"O'Brien\">", "<style>body{margin:0}</style> in the head?",
                "<svg width=\"10\" height=\"10\"></svg> renders nothing", "<span style=\"color:red\">red</span>");
    }

    static String search(Random random) {
        return pick(random, "tolkien", "harry potter 7", "O'Reilly", "c++ primer", "c# in depth", "node.js", ".net core",
                "the hobbit (illustrated)", "war & peace", "1984", "catch-22", "fahrenheit 451", "l'étranger", "don quijote",
                "sql for dummies", "select * from books", "rock'n'roll", "50% off", "<3", "\"exact phrase\"", "-excluded",
                "title:dune author:herbert", "year>2000", "price<20", "a|b", "a && b", "foo; bar", "ls", "cat", "id",
                "echo", "sleep", "java.lang.String", "${name}", "{{title}}", "%s", "%20", "100%", "#1 bestseller",
                "@author", "~tilde~", "back\\slash", "under_score", "dash-ed", "semi;colon", "pipe|line", "amp&ersand",
                "quote\"mark", "apo'strophe", "ba`cktick", "dollar$sign", "paren(thesis)") + pick(random, "", "", " ",
                " 2nd edition", " pdf", " review");
    }
}
