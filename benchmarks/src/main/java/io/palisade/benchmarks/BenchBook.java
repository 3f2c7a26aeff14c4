package io.palisade.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The entity of {@link JpaHookBenchmark}'s real persistence unit. */
@Entity(name = "Book")
public class BenchBook {

    @Id
    public Integer id;
    public String title;
    public String author;
    public String publisher;
    public Integer published;
    public String status;
    public Integer region;
}
