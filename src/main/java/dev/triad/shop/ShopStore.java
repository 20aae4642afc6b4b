package dev.triad.shop;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.store.Keys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/** Shop records in Redis, one JSON value per shop under its hash tag. Blocking: admin routes only. */
@ApplicationScoped
public class ShopStore {

    private final ValueCommands<String, String> values;
    private final ObjectMapper mapper;

    public ShopStore(RedisDataSource redis, ObjectMapper mapper) {
        this.values = redis.value(String.class);
        this.mapper = mapper;
    }

    public Optional<Shop> find(String shop) {
        String json = values.get(Keys.shop(shop));
        try {
            return json == null ? Optional.empty() : Optional.of(mapper.readValue(json, Shop.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The record of shop " + shop + " is unreadable", e);
        }
    }

    /** Stores a new shop unless one of that name appeared meanwhile; true when this call created it. */
    public boolean create(Shop shop) {
        return values.setnx(Keys.shop(shop.id()), json(shop));
    }

    public void save(Shop shop) {
        values.set(Keys.shop(shop.id()), json(shop));
    }

    private String json(Shop shop) {
        try {
            return mapper.writeValueAsString(shop);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
