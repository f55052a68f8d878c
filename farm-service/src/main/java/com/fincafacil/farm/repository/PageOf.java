package com.fincafacil.farm.repository;

import java.util.List;

/** One page of a list and how many items the whole list has. */
public record PageOf<T>(List<T> items, long total) {
}
