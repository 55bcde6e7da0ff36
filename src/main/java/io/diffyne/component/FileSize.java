package io.diffyne.component;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bean Validation: a {@link TemporaryUpload} is at most {@link #max()} bytes (and at least {@link #min()}); on a
 * {@code List<TemporaryUpload>}, every file is. {@code null} is valid (add {@code @NotNull} to require a file).
 * Checked by {@code validate()} like any constraint; the server's own {@code DIFFYNE_UPLOAD_MAX_SIZE} applies first.
 *
 * <pre>{@code @FileSize(max = 2_097_152, message = "A photo is at most 2 MB") public TemporaryUpload photo;}</pre>
 */
@Documented
@Constraint(validatedBy = {FileSize.OfUpload.class, FileSize.OfUploads.class})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FileSize {

    /** Largest size in bytes. */
    long max();

    /** Smallest size in bytes. */
    long min() default 0;

    String message() default "must be between {min} and {max} bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check on one upload. */
    final class OfUpload implements ConstraintValidator<FileSize, TemporaryUpload> {
        private long min;
        private long max;

        @Override
        public void initialize(FileSize constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(TemporaryUpload upload, ConstraintValidatorContext context) {
            return upload == null || upload.size() >= min && upload.size() <= max;
        }
    }

    /** The check on every upload of a list. */
    final class OfUploads extends EveryUpload<FileSize> {
        public OfUploads() {
            super(new OfUpload());
        }
    }
}
