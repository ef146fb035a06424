#pragma once
// The parts of GSL that `complexity` uses: weighted linear least squares
// for the fits, the χ² distribution's quantiles (the noise between a
// Swift op's inputs), and the error handler switch. Nothing else is exposed.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_cdf.h>
