package io.diffyne.component;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import java.lang.annotation.Annotation;
import java.util.Collection;

/** A file constraint on a {@code List<TemporaryUpload>}: every file must pass the one-file check. */
abstract class EveryUpload<A extends Annotation>
        implements ConstraintValidator<A, Collection<? extends TemporaryUpload>> {

    private final ConstraintValidator<A, TemporaryUpload> one;

    EveryUpload(ConstraintValidator<A, TemporaryUpload> one) {
        this.one = one;
    }

    @Override
    public void initialize(A constraint) {
        one.initialize(constraint);
    }

    @Override
    public boolean isValid(Collection<? extends TemporaryUpload> uploads, ConstraintValidatorContext context) {
        return uploads == null || uploads.stream().allMatch(upload -> one.isValid(upload, context));
    }
}
