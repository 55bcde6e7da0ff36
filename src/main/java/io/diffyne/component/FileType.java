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
import java.util.List;
import java.util.Locale;

/**
 * Bean Validation: a {@link TemporaryUpload}'s content type is one of {@link #value()} (exact, lower case, without
 * parameters: {@code image/png}); on a {@code List<TemporaryUpload>}, every file's is. {@code null} is valid. The
 * server already refuses types outside {@code DIFFYNE_UPLOAD_MIMES} and content that is not its declared type; this
 * narrows what one property accepts.
 *
 * <pre>{@code @FileType(value = {"image/png", "image/jpeg"}, message = "Choose a PNG or JPEG image")}</pre>
 */
@Documented
@Constraint(validatedBy = {FileType.OfUpload.class, FileType.OfUploads.class})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface FileType {

    /** The accepted content types. */
    String[] value();

    String message() default "must be of type {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check on one upload. */
    final class OfUpload implements ConstraintValidator<FileType, TemporaryUpload> {
        private List<String> types = List.of();

        @Override
        public void initialize(FileType constraint) {
            types = java.util.Arrays.stream(constraint.value()).map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
        }

        @Override
        public boolean isValid(TemporaryUpload upload, ConstraintValidatorContext context) {
            return upload == null || types.contains(upload.contentType());
        }
    }

    /** The check on every upload of a list. */
    final class OfUploads extends EveryUpload<FileType> {
        public OfUploads() {
            super(new OfUpload());
        }
    }
}
