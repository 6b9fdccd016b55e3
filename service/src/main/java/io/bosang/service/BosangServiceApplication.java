package io.bosang.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BosangServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(BosangServiceApplication.class, args);
    }
}
